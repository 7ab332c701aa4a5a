using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lodestar.Data.Audit;

/// <summary>
/// One entry of the audit log: every view of child-level data, every import and every edit. Entries are
/// only ever added. The log is in the database, not in application logs, because it names children
/// (by the council's pseudonymous id) and application logs must not.
/// </summary>
public sealed class AuditEventEntity
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Who: a user name, or <c>cli:&lt;os user&gt;</c> for the command line.</summary>
    public required string Actor { get; set; }

    /// <summary>What kind of thing happened: see <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to, e.g. "kpi cla_at_end E10000003 2024-04-01..2025-03-31" or a file name.</summary>
    public required string Subject { get; set; }

    /// <summary>Optional detail, e.g. the children shown or the rows imported.</summary>
    public string? Details { get; set; }
}

public static class AuditActions
{
    public const string ViewChildLevel = "view-child-level";
    public const string Import = "import";
    public const string Edit = "edit";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string UserCreated = "user-created";
    public const string CouncilsGranted = "councils-granted";
    public const string CouncilsRevoked = "councils-revoked";
    public const string SignOut = "sign-out";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string RolesChanged = "roles-changed";
    public const string PasswordResetIssued = "password-reset-issued";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string TwoFactorReset = "two-factor-reset";
    public const string RecoveryCodesIssued = "recovery-codes-issued";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEventEntity>
{
    public void Configure(EntityTypeBuilder<AuditEventEntity> audit)
    {
        audit.ToTable("audit_events");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Actor).HasMaxLength(200);
        audit.Property(a => a.Action).HasMaxLength(40);
        audit.Property(a => a.Subject).HasMaxLength(500);
        audit.HasIndex(a => a.At);
    }
}
