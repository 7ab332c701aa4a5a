using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Packs;

/// <summary>A configured board pack (samples/packs, docs/packs.md): its id, title and framework, and the YAML as written.</summary>
public sealed class PackConfigEntity
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public required string FrameworkId { get; set; }
    public required string Source { get; set; }
    public required string StoredBy { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}

/// <summary>
/// A pack built every month on day <see cref="DayOfMonth"/> for a council: of a configured pack
/// (<see cref="PackConfigId"/>) or of a whole framework. <see cref="LastDue"/> is the day of the last
/// build, so each month's pack is built once.
/// </summary>
public sealed class PackScheduleEntity
{
    public long Id { get; set; }
    public string? PackConfigId { get; set; }
    public required string FrameworkId { get; set; }
    public required string CouncilCode { get; set; }
    public int DayOfMonth { get; set; }
    public bool Public { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateOnly? LastDue { get; set; }
}

/// <summary>A built pack's file, kept in the database (docs/packs.md says why): one row per format of a build.</summary>
public sealed class PackFileEntity
{
    public long Id { get; set; }

    /// <summary>The schedule that built it; null once the schedule is deleted (the files stay).</summary>
    public long? ScheduleId { get; set; }
    public string? PackConfigId { get; set; }
    public required string FrameworkId { get; set; }
    public required string CouncilCode { get; set; }

    /// <summary>The DfE reporting year the pack reports.</summary>
    public int Year { get; set; }
    public bool Public { get; set; }
    public required string Title { get; set; }

    /// <summary>"pdf", "xlsx" or "html".</summary>
    public required string Format { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
}

internal sealed class PackConfigConfiguration : IEntityTypeConfiguration<PackConfigEntity>
{
    public void Configure(EntityTypeBuilder<PackConfigEntity> config)
    {
        config.ToTable("pack_configs");
        config.HasKey(c => c.Id);
        config.Property(c => c.Id).HasMaxLength(100);
        config.Property(c => c.Title).HasMaxLength(200);
        config.Property(c => c.FrameworkId).HasMaxLength(200);
        config.Property(c => c.Source).HasMaxLength(PackSchedules.MaxConfigLength);
        config.Property(c => c.StoredBy).HasMaxLength(200);
    }
}

internal sealed class PackScheduleConfiguration : IEntityTypeConfiguration<PackScheduleEntity>
{
    public void Configure(EntityTypeBuilder<PackScheduleEntity> schedule)
    {
        schedule.ToTable("pack_schedules");
        schedule.HasKey(s => s.Id);
        schedule.Property(s => s.PackConfigId).HasMaxLength(100);
        schedule.Property(s => s.FrameworkId).HasMaxLength(200);
        schedule.Property(s => s.CouncilCode).HasMaxLength(16);
        schedule.Property(s => s.CreatedBy).HasMaxLength(200);
        schedule.HasIndex(s => s.CouncilCode);
    }
}

internal sealed class PackFileConfiguration : IEntityTypeConfiguration<PackFileEntity>
{
    public void Configure(EntityTypeBuilder<PackFileEntity> file)
    {
        file.ToTable("pack_files");
        file.HasKey(f => f.Id);
        file.Property(f => f.PackConfigId).HasMaxLength(100);
        file.Property(f => f.FrameworkId).HasMaxLength(200);
        file.Property(f => f.CouncilCode).HasMaxLength(16);
        file.Property(f => f.Title).HasMaxLength(400);
        file.Property(f => f.Format).HasMaxLength(8);
        file.Property(f => f.FileName).HasMaxLength(300);
        file.HasIndex(f => new { f.CouncilCode, f.BuiltAt });
    }
}
