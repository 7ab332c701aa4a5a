using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Packs;

/// <summary>
/// One version of a measure's commentary for a council and reporting year (docs/packs.md): every save adds a
/// row, so the rows of one (council, measure, year) are its history and the newest (highest id) is the text
/// the board pack prints.
/// </summary>
public sealed class PackCommentaryEntity
{
    public long Id { get; set; }
    public required string CouncilCode { get; set; }
    public required string MeasureId { get; set; }

    /// <summary>The DfE reporting year: 2025 is 2024-04-01 to 2025-03-31.</summary>
    public int Year { get; set; }
    public required string Text { get; set; }
    public required string WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
}

internal sealed class PackCommentaryConfiguration : IEntityTypeConfiguration<PackCommentaryEntity>
{
    public void Configure(EntityTypeBuilder<PackCommentaryEntity> commentary)
    {
        commentary.ToTable("pack_commentary");
        commentary.HasKey(c => c.Id);
        commentary.Property(c => c.CouncilCode).HasMaxLength(16);
        commentary.Property(c => c.MeasureId).HasMaxLength(200);
        commentary.Property(c => c.Text).HasMaxLength(PackCommentary.MaxLength);
        commentary.Property(c => c.WrittenBy).HasMaxLength(200);
        commentary.HasIndex(c => new { c.CouncilCode, c.Year, c.MeasureId });
    }
}
