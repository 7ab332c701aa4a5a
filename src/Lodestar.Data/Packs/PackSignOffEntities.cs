using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Packs;

/// <summary>
/// Where a council's results for a framework and reporting year are in sign-off (docs/packs.md): one row per
/// (framework, council, year), created by the first transition; no row is a draft.
/// </summary>
public sealed class PackSignOffEntity
{
    public long Id { get; set; }
    public required string FrameworkId { get; set; }
    public required string CouncilCode { get; set; }

    /// <summary>The DfE reporting year: 2025 is 2024-04-01 to 2025-03-31.</summary>
    public int Year { get; set; }

    /// <summary>The <see cref="SignOffStatus"/> by name.</summary>
    public SignOffStatus Status { get; set; }

    /// <summary>Counts the transitions; a concurrency token, so two people acting at once cannot both move it.</summary>
    public int Version { get; set; }
}

/// <summary>One transition of a sign-off: from, to, who, when, and the reason for a reopening. Never changed or deleted.</summary>
public sealed class PackSignOffEventEntity
{
    public long Id { get; set; }
    public long SignOffId { get; set; }
    public SignOffStatus From { get; set; }
    public SignOffStatus To { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// One measure's figures as they were when an approval was made (the approval event's <see cref="EventId"/>):
/// the value with its numerator and denominator, the target, the RAG and its reason, and the benchmarks as JSON.
/// </summary>
public sealed class PackSnapshotFigureEntity
{
    public long Id { get; set; }
    public long EventId { get; set; }
    public required string MeasureId { get; set; }
    public decimal? Value { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal? Target { get; set; }
    public required string Rag { get; set; }
    public required string RagReason { get; set; }

    /// <summary>[{"Label":"England","Value":11.2,"Note":null}, …]</summary>
    public required string Benchmarks { get; set; }
}

/// <summary>A framework whose public page is switched on (docs/packs.md): no row, no public page.</summary>
public sealed class PackPublicFrameworkEntity
{
    public required string FrameworkId { get; set; }
    public required string SwitchedOnBy { get; set; }
    public DateTimeOffset SwitchedOnAt { get; set; }
}

internal sealed class PackSignOffConfiguration :
    IEntityTypeConfiguration<PackSignOffEntity>,
    IEntityTypeConfiguration<PackSignOffEventEntity>,
    IEntityTypeConfiguration<PackSnapshotFigureEntity>,
    IEntityTypeConfiguration<PackPublicFrameworkEntity>
{
    public void Configure(EntityTypeBuilder<PackSignOffEntity> signOff)
    {
        signOff.ToTable("pack_signoff");
        signOff.HasKey(s => s.Id);
        signOff.Property(s => s.FrameworkId).HasMaxLength(200);
        signOff.Property(s => s.CouncilCode).HasMaxLength(16);
        signOff.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        signOff.Property(s => s.Version).IsConcurrencyToken();
        signOff.HasIndex(s => new { s.FrameworkId, s.CouncilCode, s.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PackSignOffEventEntity> transition)
    {
        transition.ToTable("pack_signoff_events");
        transition.HasKey(e => e.Id);
        transition.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        transition.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        transition.Property(e => e.Actor).HasMaxLength(200);
        transition.Property(e => e.Reason).HasMaxLength(PackSignOff.MaxReasonLength);
        transition.HasOne<PackSignOffEntity>().WithMany().HasForeignKey(e => e.SignOffId).OnDelete(DeleteBehavior.Cascade);
        transition.HasIndex(e => e.SignOffId);
    }

    public void Configure(EntityTypeBuilder<PackSnapshotFigureEntity> figure)
    {
        figure.ToTable("pack_snapshot_figures");
        figure.HasKey(f => f.Id);
        figure.Property(f => f.MeasureId).HasMaxLength(200);
        figure.Property(f => f.Rag).HasMaxLength(10);
        figure.Property(f => f.RagReason).HasMaxLength(1000);
        figure.HasOne<PackSignOffEventEntity>().WithMany().HasForeignKey(f => f.EventId).OnDelete(DeleteBehavior.Cascade);
        figure.HasIndex(f => f.EventId);
    }

    public void Configure(EntityTypeBuilder<PackPublicFrameworkEntity> framework)
    {
        framework.ToTable("pack_public_frameworks");
        framework.HasKey(f => f.FrameworkId);
        framework.Property(f => f.FrameworkId).HasMaxLength(200);
        framework.Property(f => f.SwitchedOnBy).HasMaxLength(200);
    }
}
