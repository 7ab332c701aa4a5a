using System.Security.Cryptography;
using System.Text;
using Lodestar.Data.Audit;
using Lodestar.Domain.Problems;
using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Security;

/// <summary>A token as its owner sees it in a list: never the token or its hash.</summary>
public sealed record ApiTokenInfo(string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A token just created: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record IssuedApiToken(string Token, ApiTokenInfo Info);

/// <summary>Who a valid token acts as: the owner, with the owner's roles now.</summary>
public sealed record ApiTokenOwner(string UserName, IReadOnlySet<string> Roles);

/// <summary>
/// Personal access tokens for the JSON API (docs/web.md, "API"). A token is <c>lsp_</c> and 43 base64url
/// characters of a 32-byte random secret; the table keeps only its SHA-256. A token acts as its owner with
/// the owner's current roles and council grants, so it never carries more than the owner has; it stops
/// working at once when revoked, past its expiry, or when the owner is disabled. Creating and revoking are
/// audited in the same <c>SaveChanges</c>.
/// </summary>
public sealed class ApiTokens(LodestarDbContext db, TimeProvider clock)
{
    public const string Prefix = "lsp_";
    public const string CreatedAction = "token-created";
    public const string RevokedAction = "token-revoked";
    public const int MaxExpiresDays = 3650;

    /// <summary>How stale "last used" may get before a use writes it again (one write a minute per token, not one per request).</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>SHA-256 (lower-case hex) of the token text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Creates a token for the active user <paramref name="userName"/>, named <paramref name="name"/> (default
    /// <c>token-N</c>, the first free), expiring after <paramref name="expiresDays"/> days (null: never).
    /// Problems: no such active user, a name not 1–100 letters, digits, <c>. _ -</c> or already used by a live
    /// token of the user, days outside 1–<see cref="MaxExpiresDays"/>.
    /// </summary>
    public async Task<Result<IssuedApiToken>> CreateAsync(string actor, string userName, string? name, int? expiresDays, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(userName);
        var now = clock.GetUtcNow();
        var problems = new List<Problem>();
        var user = await FindUserAsync(userName, cancellationToken);
        if (user is not { IsActive: true })
        {
            problems.Add(new Problem(null, 0, "userName", UserNames.Normalise(userName), $"No active user '{UserNames.Normalise(userName)}'."));
        }

        if (expiresDays is < 1 or > MaxExpiresDays)
        {
            problems.Add(new Problem(null, 0, "expiresDays", expiresDays.ToString(), $"The expiry must be 1 to {MaxExpiresDays} days, not {expiresDays}."));
        }

        var live = user is null ? [] : await LiveNamesAsync(user.Id, now, cancellationToken);
        name = name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            name = Enumerable.Range(1, live.Count + 1).Select(i => $"token-{i}").First(n => !live.Contains(n));
        }
        else if (name.Length > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            problems.Add(new Problem(null, 0, "name", null, "A token name is 1 to 100 letters, digits, '.', '_' or '-'."));
        }
        else if (live.Contains(name))
        {
            problems.Add(new Problem(null, 0, "name", name, $"The user already has a token named '{name}': revoke it or choose another name."));
        }

        if (problems.Count > 0)
        {
            return Result.Failure<IssuedApiToken>(problems);
        }

        var token = Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var entity = new ApiTokenEntity
        {
            UserId = user!.Id,
            Name = name,
            Hash = Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresDays is { } days ? now.AddDays(days) : null,
        };
        db.Set<ApiTokenEntity>().Add(entity);
        new AuditLog(db, clock).Add(actor, CreatedAction, $"user {user.UserName}", $"token {name}" + (entity.ExpiresAt is { } e ? $", expires {e:yyyy-MM-dd}" : ", no expiry"));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new IssuedApiToken(token, Info(entity)));
    }

    /// <summary>Revokes the user's live token <paramref name="name"/>, or all of them (<paramref name="name"/> null). Problems: no such user, no live token of that name.</summary>
    public async Task<Result<IReadOnlyList<string>>> RevokeAsync(string actor, string userName, string? name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(userName);
        var now = clock.GetUtcNow();
        var user = await FindUserAsync(userName, cancellationToken);
        if (user is null)
        {
            return Result.Failure<IReadOnlyList<string>>(new Problem(null, 0, "userName", UserNames.Normalise(userName), $"No user '{UserNames.Normalise(userName)}'."));
        }

        var tokens = await db.Set<ApiTokenEntity>().Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        tokens = [.. tokens.Where(t => (t.ExpiresAt is null || t.ExpiresAt > now) && (name is null || t.Name == name.Trim()))];
        if (name is not null && tokens.Count == 0)
        {
            return Result.Failure<IReadOnlyList<string>>(new Problem(null, 0, "name", name, $"'{user.UserName}' has no live token named '{name.Trim()}'."));
        }

        foreach (var token in tokens)
        {
            token.RevokedAt = now;
            new AuditLog(db, clock).Add(actor, RevokedAction, $"user {user.UserName}", $"token {token.Name}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success<IReadOnlyList<string>>([.. tokens.Select(t => t.Name).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The user's tokens, newest first (revoked and expired ones too); null for an unknown user.</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>?> ListAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var user = await FindUserAsync(userName, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var tokens = await db.Set<ApiTokenEntity>().AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
        return [.. tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(Info)];
    }

    /// <summary>
    /// The owner a token acts as, or null: not a Lodestar token, unknown, revoked, expired, or its owner disabled.
    /// Records when it was last used (at most once a minute).
    /// </summary>
    public async Task<ApiTokenOwner?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow();
        var found = await db.Set<ApiTokenEntity>().Where(t => t.Hash == hash && t.RevokedAt == null).SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.ExpiresAt <= now)
        {
            return null;
        }

        var owner = await db.Set<UserEntity>().AsNoTracking()
            .Where(u => u.Id == found.UserId && u.IsActive)
            .Select(u => new { u.UserName, Roles = u.Roles.Select(r => r.Role).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        if (found.LastUsedAt is not { } last || now - last >= LastUsedResolution || last > now)
        {
            found.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiTokenOwner(owner.UserName, owner.Roles.ToHashSet(StringComparer.Ordinal));
    }

    private Task<UserEntity?> FindUserAsync(string userName, CancellationToken cancellationToken)
    {
        var name = UserNames.Normalise(userName);
        return db.Set<UserEntity>().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
    }

    private async Task<HashSet<string>> LiveNamesAsync(int userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tokens = await db.Set<ApiTokenEntity>().AsNoTracking().Where(t => t.UserId == userId && t.RevokedAt == null)
            .Select(t => new { t.Name, t.ExpiresAt }).ToListAsync(cancellationToken);
        return tokens.Where(t => t.ExpiresAt is null || t.ExpiresAt > now).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    private static ApiTokenInfo Info(ApiTokenEntity t) => new(t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
