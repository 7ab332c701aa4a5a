namespace Lodestar.Testing;

/// <summary>
/// Real components a test needs from its environment. Without one, a test is skipped with a reason that
/// names what is missing, except under <c>CI=true</c>, where a missing component fails the test: CI must
/// run every test for real.
/// </summary>
public static class Requirements
{
    public const string PostgresVariable = "LODESTAR_TEST_POSTGRES";
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Debian's chromium-headless-shell: the same Chromium (same version, same Blink) built as the headless shell only,
    /// without the full browser's UI layer. Playwright itself runs headless tests on this build; it takes much less CPU.
    /// </summary>
    public const string HeadlessShellPath = "/usr/bin/chromium-headless-shell";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL connection string from <c>LODESTAR_TEST_POSTGRES</c>.</summary>
    public static string PostgresConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        Missing($"{PostgresVariable} is not set: set it to a PostgreSQL connection string (scripts/test.sh starts a server and does) to run this test on PostgreSQL.");
        return "";
    }

    /// <summary>
    /// The path of the Chromium the browser tests drive: Debian's chromium-headless-shell when installed (scripts/test.sh
    /// installs it), else Debian's full Chromium in headless mode.
    /// </summary>
    public static string Chromium()
    {
        if (File.Exists(HeadlessShellPath))
        {
            return HeadlessShellPath;
        }

        if (!File.Exists(ChromiumPath))
        {
            Missing($"{HeadlessShellPath} and {ChromiumPath} are missing: install Debian's chromium-headless-shell package (scripts/test.sh does) to run the browser tests.");
        }

        return ChromiumPath;
    }

    private static void Missing(string reason)
    {
        if (IsCi)
        {
            Assert.Fail($"CI=true and {reason}");
        }

        Assert.Skip(reason);
    }
}
