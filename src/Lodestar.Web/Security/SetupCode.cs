using System.Security.Cryptography;
using System.Text;

namespace Lodestar.Web.Security;

/// <summary>
/// Lodestar has no default account. While no user exists, a one-time setup code is written to
/// <c>&lt;data folder&gt;/setup-code.txt</c>; whoever can read that file (the person who installed the app)
/// enters it at <c>/setup</c> to create the first administrator. The code is never written to the log.
/// </summary>
internal sealed class SetupCode(string dataFolder)
{
    private string? _code;

    public string FilePath { get; } = Path.Combine(dataFolder, "setup-code.txt");

    public bool IsOpen => _code is not null;

    /// <summary>Creates a fresh code and writes it to <see cref="FilePath"/>.</summary>
    public void Open()
    {
        _code = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, _code + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public bool Matches(string? candidate) =>
        _code is not null && candidate is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_code), Encoding.UTF8.GetBytes(candidate.Trim().ToLowerInvariant()));

    /// <summary>Closes setup for good once the first administrator exists.</summary>
    public void Close()
    {
        _code = null;
        if (File.Exists(FilePath))
        {
            File.Delete(FilePath);
        }
    }
}
