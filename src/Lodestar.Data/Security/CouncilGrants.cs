using System.Collections.Frozen;
using Lodestar.Data.Audit;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Security;

/// <summary>What the user may see of the councils, and the one rule every host asks (docs/web.md, "Council grants").</summary>
/// <param name="UserName">The user.</param>
/// <param name="AllCouncils">Every council, now and later.</param>
/// <param name="Councils">The councils granted one by one (DfE codes, ordered); kept when <paramref name="AllCouncils"/> is set.</param>
public sealed record UserCouncils(string UserName, bool AllCouncils, IReadOnlyList<string> Councils);

/// <summary>
/// The councils a user may see, the second check after the role: a user sees a council's child-level data
/// and results only with a grant for it, or with "all councils". Read from the database at every question,
/// so a revocation counts from the next request. Admins grant; every change writes an audit entry in the
/// same <c>SaveChanges</c>.
/// </summary>
public sealed class CouncilGrants(LodestarDbContext db, TimeProvider clock)
{
    /// <summary>
    /// True when the active user <paramref name="userName"/> may see the council (code or LA number): a grant
    /// for it or all councils. False for an unknown council, an unknown or deactivated user.
    /// </summary>
    public Task<bool> AllowsAsync(string? userName, string? council, CancellationToken cancellationToken = default) =>
        AllowsAsync(userName, council, Roles.Viewer, cancellationToken);

    /// <summary>
    /// As <see cref="AllowsAsync(string?, string?, CancellationToken)"/>, and the user holds <paramref name="role"/>
    /// (<see cref="Roles.Viewer"/>: any active user, as any signed-in user of the web app is a viewer). The
    /// command line's check: the role the web app would require, and the grant.
    /// </summary>
    public async Task<bool> AllowsAsync(string? userName, string? council, string role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (CouncilList.Find(council) is not { } known || string.IsNullOrWhiteSpace(userName))
        {
            return false;
        }

        var name = Normalise(userName);
        var anyRole = role == Roles.Viewer;
        return await db.Set<UserEntity>().AnyAsync(
            u => u.UserName == name && u.IsActive
                && (anyRole || u.Roles.Any(r => r.Role == role))
                && (u.AllCouncils || u.Councils.Any(g => g.Council == known.Code)),
            cancellationToken);
    }

    // Every council's code, built once: the list is fixed for the life of the process.
    private static readonly Lazy<IReadOnlySet<string>> EveryCouncil =
        new(() => CouncilList.All.Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The DfE codes of the councils the user may see: every council of the list with all councils; none for an unknown or deactivated user.</summary>
    public async Task<IReadOnlySet<string>> AllowedAsync(string? userName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var name = Normalise(userName);
        var user = await db.Set<UserEntity>().AsNoTracking()
            .Where(u => u.UserName == name && u.IsActive)
            .Select(u => new { u.AllCouncils, Councils = u.Councils.Select(g => g.Council).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return user is null ? new HashSet<string>(StringComparer.Ordinal)
            : user.AllCouncils ? EveryCouncil.Value
            : user.Councils.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every user's grants, by user name.</summary>
    public async Task<IReadOnlyList<UserCouncils>> ListAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Set<UserEntity>().AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.UserName, u.AllCouncils, Councils = u.Councils.Select(g => g.Council).ToList() })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserCouncils(u.UserName, u.AllCouncils, [.. u.Councils.Order(StringComparer.Ordinal)]))];
    }

    /// <summary>Grants the councils (codes or LA numbers) to the user; those already granted are kept. Problems: no such user, an unknown council.</summary>
    public async Task<Result<UserCouncils>> GrantAsync(string actor, string userName, IEnumerable<string> councils, CancellationToken cancellationToken = default)
    {
        var (user, codes, problems) = await ResolveAsync(userName, councils, cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure<UserCouncils>(problems);
        }

        var added = codes.Where(c => !user!.Councils.Any(g => g.Council == c)).ToList();
        user!.Councils.AddRange(added.Select(c => new CouncilGrantEntity { Council = c }));
        if (added.Count > 0)
        {
            new AuditLog(db, clock).Add(actor, AuditActions.CouncilsGranted, $"user {user.UserName}", string.Join(",", added));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success(ToRecord(user));
    }

    /// <summary>Revokes the councils (codes or LA numbers) from the user; a council not granted is no problem. Does not touch all councils.</summary>
    public async Task<Result<UserCouncils>> RevokeAsync(string actor, string userName, IEnumerable<string> councils, CancellationToken cancellationToken = default)
    {
        var (user, codes, problems) = await ResolveAsync(userName, councils, cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure<UserCouncils>(problems);
        }

        var removed = user!.Councils.Where(g => codes.Contains(g.Council)).ToList();
        foreach (var grant in removed)
        {
            user.Councils.Remove(grant);
        }

        if (removed.Count > 0)
        {
            new AuditLog(db, clock).Add(actor, AuditActions.CouncilsRevoked, $"user {user.UserName}", string.Join(",", removed.Select(g => g.Council)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success(ToRecord(user));
    }

    /// <summary>Gives (or takes back) all councils. Grants of single councils stay as they are.</summary>
    public async Task<Result<UserCouncils>> SetAllCouncilsAsync(string actor, string userName, bool allCouncils, CancellationToken cancellationToken = default)
    {
        var (user, _, problems) = await ResolveAsync(userName, [], cancellationToken);
        if (problems.Count > 0)
        {
            return Result.Failure<UserCouncils>(problems);
        }

        if (user!.AllCouncils != allCouncils)
        {
            user.AllCouncils = allCouncils;
            new AuditLog(db, clock).Add(actor, allCouncils ? AuditActions.CouncilsGranted : AuditActions.CouncilsRevoked, $"user {user.UserName}", "all councils");
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Success(ToRecord(user));
    }

    private async Task<(UserEntity? User, IReadOnlyList<string> Codes, List<Problem> Problems)> ResolveAsync(
        string userName, IEnumerable<string> councils, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(councils);
        var problems = new List<Problem>();
        var name = Normalise(userName);
        var user = await db.Set<UserEntity>().Include(u => u.Councils).SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
        if (user is null)
        {
            problems.Add(new Problem(null, 0, "userName", name, $"No user '{name}'."));
        }

        var codes = new List<string>();
        foreach (var council in councils.Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            if (CouncilList.Find(council) is { } known)
            {
                codes.Add(known.Code);
            }
            else
            {
                problems.Add(new Problem(null, 0, "council", council, $"No council with code or LA number '{council}'."));
            }
        }

        return (user, codes.Distinct(StringComparer.Ordinal).ToList(), problems);
    }

    private static UserCouncils ToRecord(UserEntity user) =>
        new(user.UserName, user.AllCouncils, [.. user.Councils.Select(g => g.Council).Order(StringComparer.Ordinal)]);

    private static string Normalise(string userName) => userName.Trim().ToLowerInvariant();
}
