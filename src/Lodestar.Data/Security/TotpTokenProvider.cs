using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Lodestar.Data.Security;

/// <summary>
/// Codes from an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), checked against
/// a <see cref="TimeProvider"/> rather than the system clock. A code is accepted for the step before and
/// after the current one (clock drift), and never twice: the step of the last code accepted is stored.
/// </summary>
public sealed class TotpTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<UserEntity>
{
    public const string Name = "LodestarTotp";
    public const string Issuer = "Lodestar";
    private const int Digits = 6;
    private static readonly TimeSpan StepLength = TimeSpan.FromSeconds(30);

    /// <summary>The <c>otpauth://</c> URI an authenticator app reads (typed in, or from a QR code of it).</summary>
    public static string AuthenticatorUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits={Digits}&period={(int)StepLength.TotalSeconds}";

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserEntity> manager, UserEntity user) =>
        Task.FromResult(!string.IsNullOrEmpty(user?.AuthenticatorKey));

    // The app makes the codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<UserEntity> manager, UserEntity user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<UserEntity> manager, UserEntity user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != Digits || !code.All(char.IsAsciiDigit) || user.AuthenticatorKey is not { Length: > 0 } text || Base32Decode(text) is not { } key)
        {
            return false;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)StepLength.TotalSeconds;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (user.AuthenticatorLastStep is { } last && step <= last)
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                user.AuthenticatorLastStep = step;
                await manager.UpdateAsync(user);
                return true;
            }
        }

        return false;
    }

    private static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 Base32 (A–Z, 2–7; padding, spaces and case ignored), or null when it is not Base32.</summary>
    internal static byte[]? Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ')
            {
                continue;
            }

            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.Count == 0 ? null : [.. bytes];
    }
}
