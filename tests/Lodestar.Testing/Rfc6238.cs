using System.Security.Cryptography;

namespace Lodestar.Testing;

/// <summary>
/// A TOTP code as an authenticator app computes it (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps), written
/// here from the RFCs and independent of Lodestar's own, so tests can play the part of the user's phone.
/// </summary>
public static class Rfc6238
{
    /// <summary>The 6-digit code for a Base32 key at a moment.</summary>
    public static string Code(string base32Key, DateTimeOffset at) => Code(FromBase32(base32Key), at.ToUnixTimeSeconds() / 30, 6);

    /// <summary>The code for a raw key and time step with <paramref name="digits"/> digits (the RFC's test vectors use 8).</summary>
    public static string Code(byte[] key, long step, int digits)
    {
        var counter = new byte[8];
        for (var i = 7; i >= 0; i--)
        {
            counter[i] = (byte)(step & 0xff);
            step >>= 8;
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[19] & 0xf;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = 1;
        for (var i = 0; i < digits; i++)
        {
            modulus *= 10;
        }

        return (binary % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    private static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var output = new byte[clean.Length * 5 / 8];
        long bits = 0;
        var count = 0;
        var index = 0;
        foreach (var c in clean)
        {
            var value = c is >= 'A' and <= 'Z' ? c - 'A' : c is >= '2' and <= '7' ? c - '2' + 26 : throw new FormatException($"'{c}' is not Base32.");
            bits = (bits << 5) | (uint)value;
            count += 5;
            if (count >= 8)
            {
                count -= 8;
                output[index++] = (byte)((bits >> count) & 0xff);
            }
        }

        return output;
    }
}

/// <summary>A clock a test moves by hand.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset Now
    {
        get { lock (_lock) { return _now; } }
        set { lock (_lock) { _now = value; } }
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
