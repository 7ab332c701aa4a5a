using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Forecast;

/// <summary>
/// A saved forecast scenario (docs/forecast.md, "Scenarios"): a council's named change to the forecast's
/// rates from a month, optionally linked to the action-plan workstream whose effect it models.
/// </summary>
public sealed class ForecastScenarioEntity
{
    public int Id { get; set; }
    public required string CouncilCode { get; set; }
    public required string Name { get; set; }
    public DateOnly From { get; set; }
    public double EntryFactor { get; set; }

    /// <summary>The five age bands' entry factors, in band order, separated by ";" (invariant culture).</summary>
    public required string EntryFactorByBand { get; set; }
    public double ResidentialToFosterFactor { get; set; }
    public double ExitFactor { get; set; }

    /// <summary>The action plan of the linked workstream, if any.</summary>
    public string? ActionPlanId { get; set; }

    /// <summary>The linked workstream's number in that plan ("2.1"), if any.</summary>
    public string? Workstream { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

internal sealed class ForecastScenarioConfiguration : IEntityTypeConfiguration<ForecastScenarioEntity>
{
    public void Configure(EntityTypeBuilder<ForecastScenarioEntity> scenario)
    {
        scenario.ToTable("forecast_scenarios");
        scenario.HasKey(s => s.Id);
        scenario.Property(s => s.CouncilCode).HasMaxLength(16);
        scenario.Property(s => s.Name).HasMaxLength(100);
        scenario.Property(s => s.EntryFactorByBand).HasMaxLength(200);
        scenario.Property(s => s.ActionPlanId).HasMaxLength(200);
        scenario.Property(s => s.Workstream).HasMaxLength(50);
        scenario.Property(s => s.SavedBy).HasMaxLength(200);
        scenario.HasIndex(s => new { s.CouncilCode, s.Name }).IsUnique();
    }
}
