using Lodestar.Domain.Problems;
using Lodestar.Domain.Returns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Returns;

/// <summary>Where a submission is in its life: checked, then confirmed (or discarded); a confirmed one is later superseded or rolled back.</summary>
public enum SubmissionStatus
{
    /// <summary>Read, validated and stored with its findings; not yet used for any figure.</summary>
    Checked,

    /// <summary>The council's data for its return and year: at most one per council, return and year.</summary>
    Confirmed,

    /// <summary>Was confirmed until a later submission for the same return and year was confirmed.</summary>
    Superseded,

    /// <summary>Was confirmed until rolled back; the submission it had superseded is confirmed again.</summary>
    RolledBack,

    /// <summary>Checked and never confirmed: set aside.</summary>
    Discarded,
}

/// <summary>
/// One council's files for one statutory return and one collection year, as uploaded: the files themselves
/// (the record of what was submitted; findings point at their lines), the rows read per table, the
/// validation findings, who checked and confirmed it, and its status.
/// </summary>
public sealed class SubmissionEntity
{
    public long Id { get; set; }

    /// <summary>The council's code, e.g. E10000003.</summary>
    public required string CouncilCode { get; set; }

    public StatutoryReturn Return { get; set; }

    /// <summary>The collection year: the year the reporting year ends (2025 for April 2024 to March 2025).</summary>
    public int CollectionYear { get; set; }

    public SubmissionStatus Status { get; set; }

    public required string CheckedBy { get; set; }

    public DateTimeOffset CheckedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The confirmed submission this one superseded when it was confirmed: confirmed again if this one is rolled back.</summary>
    public long? SupersededId { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public List<SubmissionFileEntity> Files { get; set; } = [];

    public List<SubmissionTableEntity> Tables { get; set; } = [];

    public List<SubmissionFindingEntity> Findings { get; set; } = [];

    public List<SubmissionRuleNotRunEntity> RulesNotRun { get; set; } = [];
}

/// <summary>A file of a submission, byte for byte as uploaded.</summary>
public sealed class SubmissionFileEntity
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    /// <summary>Its place in the upload, from 0.</summary>
    public int Position { get; set; }

    public required string Name { get; set; }

    /// <summary>What the file held, e.g. "903 Episodes CSV", "CIN XML".</summary>
    public required string Kind { get; set; }

    public long Size { get; set; }

    /// <summary>SHA-256 of the bytes, 64 lower-case hex digits.</summary>
    public required string Sha256 { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>How many rows of one table a submission holds (903: Header, Episodes …; CIN: ChildRecords, Referrals …).</summary>
public sealed class SubmissionTableEntity
{
    public long SubmissionId { get; set; }

    public required string Name { get; set; }

    public int Rows { get; set; }
}

/// <summary>A validation finding in a submission's files: the one problem shape, stored.</summary>
public sealed class SubmissionFindingEntity
{
    public long Id { get; set; }

    public long SubmissionId { get; set; }

    /// <summary>Its place in the report (by file, line, rule), from 0.</summary>
    public int Position { get; set; }

    public string? File { get; set; }

    public int Line { get; set; }

    public string? Column { get; set; }

    public string? Value { get; set; }

    public string? Rule { get; set; }

    public Severity Severity { get; set; }

    public required string Message { get; set; }
}

/// <summary>
/// A rule that could not run on a submission (e.g. 205B, for want of last year's return), and why: kept apart
/// from the findings, so that it counts as neither an error nor a warning and never reads as a pass. The
/// council is the submission's.
/// </summary>
public sealed class SubmissionRuleNotRunEntity
{
    public long SubmissionId { get; set; }

    /// <summary>Its place in the list, from 0.</summary>
    public int Position { get; set; }

    public required string Rule { get; set; }

    public int CollectionYear { get; set; }

    public required string Reason { get; set; }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<SubmissionEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionEntity> submission)
    {
        submission.ToTable("submissions");
        submission.HasKey(s => s.Id);
        submission.Property(s => s.CouncilCode).HasMaxLength(9);
        submission.Property(s => s.Return).HasConversion<string>().HasMaxLength(20);
        // Every step changes the status from the one it read (checked → confirmed, confirmed → rolled back...):
        // as a concurrency token, a step whose submission another process changed meanwhile updates nothing.
        submission.Property(s => s.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        submission.Property(s => s.CheckedBy).HasMaxLength(200);
        submission.Property(s => s.ConfirmedBy).HasMaxLength(200);
        submission.HasIndex(s => new { s.CouncilCode, s.Return, s.CollectionYear }, "IX_submissions_council_return_year");

        // The database itself holds the rule that a return and year has at most one confirmed submission,
        // so two confirmations at once cannot both win.
        submission.HasIndex(s => new { s.CouncilCode, s.Return, s.CollectionYear }, "IX_submissions_one_confirmed")
            .IsUnique()
            .HasFilter("\"Status\" = 'Confirmed'");
        submission.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        submission.HasMany(s => s.Tables).WithOne().HasForeignKey(t => t.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        submission.HasMany(s => s.Findings).WithOne().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        submission.HasMany(s => s.RulesNotRun).WithOne().HasForeignKey(n => n.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubmissionFileConfiguration : IEntityTypeConfiguration<SubmissionFileEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionFileEntity> file)
    {
        file.ToTable("submission_files");
        file.HasKey(f => f.Id);
        file.Property(f => f.Name).HasMaxLength(260);
        file.Property(f => f.Kind).HasMaxLength(60);
        file.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        // PostgreSQL compresses a file's bytes as it stores them (TOAST); LZ4 (PostgreSQL 14 and later) takes a fifth
        // of the CPU of its default, pglz, which was a third of a national bulk load's server time (docs/benchmarks.md,
        // "Stored path"). Other databases ignore it.
        file.Property(f => f.Content).UseCompressionMethod("lz4");
        file.HasIndex(f => new { f.SubmissionId, f.Position }).IsUnique();
    }
}

internal sealed class SubmissionTableConfiguration : IEntityTypeConfiguration<SubmissionTableEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionTableEntity> table)
    {
        table.ToTable("submission_tables");
        table.HasKey(t => new { t.SubmissionId, t.Name });
        table.Property(t => t.Name).HasMaxLength(40);
    }
}

internal sealed class SubmissionFindingConfiguration : IEntityTypeConfiguration<SubmissionFindingEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionFindingEntity> finding)
    {
        finding.ToTable("submission_findings");
        finding.HasKey(f => f.Id);
        finding.Property(f => f.File).HasMaxLength(260);
        finding.Property(f => f.Column).HasMaxLength(100);
        finding.Property(f => f.Rule).HasMaxLength(40);
        finding.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        finding.HasIndex(f => new { f.SubmissionId, f.Position }).IsUnique();
    }
}

internal sealed class SubmissionRuleNotRunConfiguration : IEntityTypeConfiguration<SubmissionRuleNotRunEntity>
{
    public void Configure(EntityTypeBuilder<SubmissionRuleNotRunEntity> notRun)
    {
        notRun.ToTable("submission_rules_not_run");
        notRun.HasKey(n => new { n.SubmissionId, n.Position });
        notRun.Property(n => n.Rule).HasMaxLength(40);
        notRun.Property(n => n.Reason).HasMaxLength(500);
    }
}
