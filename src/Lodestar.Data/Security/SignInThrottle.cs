using Microsoft.EntityFrameworkCore;

namespace Lodestar.Data.Security;

/// <summary>
/// Failed sign-ins for names that are not active users, counted in the database (<see cref="SignInFailureEntity"/>)
/// exactly as <see cref="LodestarUserManager"/> counts a user's: the <see cref="FailuresBeforeLockout"/>th failure in
/// a row locks the name out for <see cref="LockoutDuration"/>, and failures older than that are forgotten. So an
/// unknown name gets the same answers and the same lockout as a known one, and every instance shares the count.
/// A flood of made-up names cannot grow the table for long: rows whose window has passed are deleted on each failure.
/// </summary>
public sealed class SignInThrottle(LodestarDbContext db, TimeProvider clock)
{
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>True while the name is locked out.</summary>
    public async Task<bool> IsLockedOutAsync(string userName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var lockoutEnd = await db.Set<SignInFailureEntity>().AsNoTracking()
            .Where(f => f.UserName == userName).Select(f => f.LockoutEnd).SingleOrDefaultAsync(cancellationToken);
        return lockoutEnd is { } end && end > now;
    }

    /// <summary>Counts a failure; true when it locks the name out (the <see cref="FailuresBeforeLockout"/>th in a row).</summary>
    public async Task<bool> FailAsync(string userName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var forgotten = now - LockoutDuration;
        // A lockout ends LockoutDuration after the failure that set it, so a row whose last failure is that old is over.
        foreach (var tracked in db.ChangeTracker.Entries<SignInFailureEntity>().ToList())
        {
            tracked.State = EntityState.Detached;
        }

        await db.Set<SignInFailureEntity>().Where(f => f.LastFailureAt <= forgotten).ExecuteDeleteAsync(cancellationToken);
        var entry = await db.Set<SignInFailureEntity>().SingleOrDefaultAsync(f => f.UserName == userName, cancellationToken);
        if (entry is null)
        {
            entry = new SignInFailureEntity { UserName = userName };
            db.Set<SignInFailureEntity>().Add(entry);
        }

        entry.LastFailureAt = now;
        var lockedOut = ++entry.FailureCount >= FailuresBeforeLockout;
        if (lockedOut)
        {
            entry.FailureCount = 0;
            entry.LockoutEnd = now + LockoutDuration;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance counted a first failure for the same name at the same moment: theirs stands.
            db.Entry(entry).State = EntityState.Detached;
        }

        return lockedOut;
    }

    /// <summary>How many names have failures on record (for tests of the bound).</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) => db.Set<SignInFailureEntity>().CountAsync(cancellationToken);
}
