using System.Text;

namespace Lodestar.Formats.Text;

/// <summary>Limits that protect the readers from oversized input.</summary>
/// <param name="MaxFileBytes">Files larger than this are refused before being read (default 512 MiB).</param>
public sealed record ReadLimits(long MaxFileBytes)
{
    public static ReadLimits Default { get; } = new(512L * 1024 * 1024);
}

/// <summary>Raised inside the readers when a file must be refused; caught at the reader's entry point and turned into the refusal, a <see cref="Lodestar.Domain.Problems.Problem"/> naming the file.</summary>
internal sealed class UnreadableFileException(string message) : Exception(message);

/// <summary>Loads a text file whole, refusing what is not text.</summary>
internal static class TextInput
{
    /// <summary>UTF-8 that refuses invalid bytes (<see cref="DecoderFallbackException"/>) rather than replacing them.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file opened for reading as it streams (sequential, a 64 KB buffer), with the refusals of
    /// <see cref="ReadBytes"/>: not found, over the size limit, unreadable. <paramref name="unbuffered"/>: no
    /// buffer of the stream's own, for a caller that reads in large blocks (a small file then costs no 64 KB buffer).
    /// </summary>
    public static FileStream OpenRead(string path, ReadLimits limits, bool unbuffered = false)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new UnreadableFileException("file not found");
        }

        if (info.Length > limits.MaxFileBytes)
        {
            throw new UnreadableFileException($"file is {info.Length:N0} bytes, over the limit of {limits.MaxFileBytes:N0}");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, unbuffered ? 0 : 64 * 1024, FileOptions.SequentialScan);
        }
        catch (IOException e)
        {
            throw new UnreadableFileException($"cannot be read ({e.GetType().Name})");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UnreadableFileException("permission denied");
        }
    }

    public static byte[] ReadBytes(string path, ReadLimits limits)
    {
        // The same refusals as OpenRead (not found, over the limit, unreadable, permission), then the whole file.
        using var stream = OpenRead(path, limits, unbuffered: true);
        try
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (IOException e)
        {
            throw new UnreadableFileException($"cannot be read ({e.GetType().Name})");
        }
    }

    /// <summary>Decodes the bytes as text: UTF-8 (with or without a BOM), or Latin-1 when they are not valid UTF-8 (byte for byte, nothing lost).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (LooksBinary(bytes))
        {
            throw new UnreadableFileException("binary file, not text");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>
    /// <see cref="LooksBinary(ReadOnlySpan{byte})"/> of a stream's first 64 KiB (read into a pooled buffer); the
    /// stream is left at its start.
    /// </summary>
    public static bool LooksBinary(Stream stream)
    {
        var head = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            stream.Position = 0;
            var read = stream.ReadAtLeast(head.AsSpan(0, 64 * 1024), 64 * 1024, throwOnEndOfStream: false);
            stream.Position = 0;
            return LooksBinary(head.AsSpan(0, read));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(head);
        }
    }

    /// <summary>True when the first 64 KiB hold a NUL byte (or a UTF-16/32 BOM, which no return uses): not a text file.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        return head.IndexOf((byte)0) >= 0
            || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
            || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
    }
}
