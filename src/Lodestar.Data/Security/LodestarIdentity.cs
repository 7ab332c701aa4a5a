using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lodestar.Data.Security;

/// <summary>
/// ASP.NET Core Identity's <see cref="UserManager{TUser}"/> for Lodestar's users (<see cref="LodestarUserStore"/>),
/// reading the time from a <see cref="TimeProvider"/> so lockout can be tested with a fake clock: after
/// <see cref="SignInThrottle.FailuresBeforeLockout"/> failures in a row (password or two-factor code) the user is
/// locked out for <see cref="SignInThrottle.LockoutDuration"/>; failures older than that are forgotten, as
/// <see cref="SignInThrottle"/> forgets them for names that are not users, so lockout says nothing about
/// which names exist. Both counts are in the database, shared by every instance of the app.
/// </summary>
public sealed class LodestarUserManager : UserManager<UserEntity>
{
    private readonly TimeProvider _clock;

    public LodestarUserManager(
        IUserStore<UserEntity> store,
        IOptions<IdentityOptions> optionsAccessor,
        IPasswordHasher<UserEntity> passwordHasher,
        IEnumerable<IUserValidator<UserEntity>> userValidators,
        IEnumerable<IPasswordValidator<UserEntity>> passwordValidators,
        ILookupNormalizer keyNormalizer,
        IdentityErrorDescriber errors,
        IServiceProvider? services,
        ILogger<UserManager<UserEntity>> logger,
        TimeProvider clock)
        : base(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services!, logger)
    {
        _clock = clock;
        RegisterTokenProvider(TotpTokenProvider.Name, new TotpTokenProvider(clock));
    }

    /// <summary>The clock lockout and two-factor codes are read against.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>A manager over a context of its own making (a command, a test): the web app gets one from its services.</summary>
    public static LodestarUserManager Create(LodestarDbContext db, TimeProvider clock) =>
        new(new LodestarUserStore(db), Microsoft.Extensions.Options.Options.Create(LodestarIdentity.Options()), new PasswordHasher<UserEntity>(),
            [new UserNameValidator()], [new PasswordRulesValidator()], new UserNameNormalizer(), new IdentityErrorDescriber(),
            services: null, NullLogger<UserManager<UserEntity>>.Instance, clock);

    public override Task<bool> IsLockedOutAsync(UserEntity user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.LockoutEnd is { } end && end > _clock.GetUtcNow());
    }

    public override async Task<IdentityResult> AccessFailedAsync(UserEntity user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = _clock.GetUtcNow();
        if (user.LastFailedSignInAt is { } last && last + Options.Lockout.DefaultLockoutTimeSpan <= now)
        {
            user.AccessFailedCount = 0;
        }

        user.LastFailedSignInAt = now;
        if (++user.AccessFailedCount >= Options.Lockout.MaxFailedAccessAttempts)
        {
            user.LockoutEnd = now + Options.Lockout.DefaultLockoutTimeSpan;
            user.AccessFailedCount = 0;
        }

        return await UpdateUserAsync(user);
    }
}

/// <summary>Lodestar's Identity settings, one place for the web app and the command line.</summary>
public static class LodestarIdentity
{
    public static IdentityOptions Options()
    {
        var options = new IdentityOptions();
        Configure(options);
        return options;
    }

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = SignInThrottle.FailuresBeforeLockout;
        options.Lockout.DefaultLockoutTimeSpan = SignInThrottle.LockoutDuration;
        // The rules are PasswordRules (an IPasswordValidator); Identity's composition rules are off.
        options.Password.RequiredLength = PasswordRules.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
        options.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name;
    }
}

/// <summary><see cref="PasswordRules"/> as Identity's password validator.</summary>
public sealed class PasswordRulesValidator : IPasswordValidator<UserEntity>
{
    public Task<IdentityResult> ValidateAsync(UserManager<UserEntity> manager, UserEntity user, string? password)
    {
        var problems = PasswordRules.Default.Check(password ?? "", user?.UserName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(m => new IdentityError { Code = "password", Description = m })]));
    }
}

/// <summary><see cref="UserNames"/> as Identity's user validator: the name's characters and length, the display name, and that the name is not taken.</summary>
public sealed class UserNameValidator : IUserValidator<UserEntity>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<UserEntity> manager, UserEntity user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var errors = new List<IdentityError>();
        if (UserNames.Problem(user.UserName) is { } nameProblem)
        {
            errors.Add(new IdentityError { Code = "userName", Description = nameProblem });
        }
        else if (await manager.FindByNameAsync(user.UserName) is { } other && other.Id != user.Id)
        {
            errors.Add(new IdentityError { Code = "userName", Description = $"The user name '{user.UserName}' is taken." });
        }

        if (UserNames.DisplayNameProblem(user.DisplayName) is { } displayProblem)
        {
            errors.Add(new IdentityError { Code = "displayName", Description = displayProblem });
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}

/// <summary>Names are looked up in their stored form (<see cref="UserNames.Normalise"/>: trimmed, lower case).</summary>
public sealed class UserNameNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : UserNames.Normalise(name);

    public string? NormalizeEmail(string? email) => email is null ? null : UserNames.Normalise(email);
}
