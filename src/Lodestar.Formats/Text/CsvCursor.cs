using System.Buffers;
using System.Text;

namespace Lodestar.Formats.Text;

/// <summary>
/// The one CSV tokenizer, forward-only over a whole file's text or a stream decoded as it is read: commas,
/// optional double quotes with "" escapes (fields may span lines), LF or CRLF line ends, a leading byte-order
/// mark skipped. Allocates nothing per field: unquoted fields are slices of the text; quoted fields are
/// unescaped into a reused buffer. Throws <see cref="UnreadableFileException"/> on broken quoting; a stream's
/// decoder throws <see cref="DecoderFallbackException"/> on bytes its encoding refuses.
/// </summary>
/// <remarks>
/// A stream is decoded into a pooled window of characters that holds at least the current row: it moves
/// back to the start of the window between rows and grows only for a row longer than itself, so reading a
/// file allocates a few small objects, whatever its size.
/// </remarks>
internal sealed class CsvCursor : IDisposable
{
    private const int WindowChars = 32 * 1024;

    // Between rows, fewer characters than this left ahead moves the rest to the window's start and refills it.
    private const int Reserve = 4 * 1024;

    private readonly string? _string;
    private readonly Stream? _stream;
    private readonly Decoder? _decoder;
    private char[] _chars;
    private byte[] _bytes;
    private int _length;
    private int _byteStart;
    private int _byteEnd;
    private bool _done;
    private int _pos;
    private int _line = 1;
    private (int Start, int Length, bool Scratch)[] _fields = new (int, int, bool)[32];
    private char[] _scratch = new char[256];
    private int _scratchLength;

    /// <summary>A cursor over a whole file's text.</summary>
    public CsvCursor(string text)
    {
        _string = text;
        _chars = [];
        _bytes = [];
        _length = text.Length;
        _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    }

    /// <summary>A cursor over <paramref name="stream"/> from its current position, decoded by <paramref name="encoding"/>.</summary>
    public CsvCursor(Stream stream, Encoding encoding)
    {
        _stream = stream;
        _decoder = encoding.GetDecoder();
        _chars = ArrayPool<char>.Shared.Rent(WindowChars);
        _bytes = ArrayPool<byte>.Shared.Rent(WindowChars);
        if (More() && _chars[0] == '\uFEFF')
        {
            _pos = 1;
        }
    }

    /// <summary>How many fields the current row has.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based line the current row started on.</summary>
    public int Line { get; private set; }

    private ReadOnlySpan<char> Text => _string is null ? _chars.AsSpan(0, _length) : _string.AsSpan();

    /// <summary>Field <paramref name="i"/> of the current row, untrimmed.</summary>
    public ReadOnlySpan<char> this[int i]
    {
        get
        {
            var (start, length, scratch) = _fields[i];
            return scratch ? _scratch.AsSpan(start, length) : Text.Slice(start, length);
        }
    }

    /// <summary>The current row's fields as strings, untrimmed.</summary>
    public string[] Cells()
    {
        var cells = new string[FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = this[i].ToString();
        }

        return cells;
    }

    /// <summary>Moves to the next row that is not empty; false at the end of the text.</summary>
    public bool Next()
    {
        while (Ahead())
        {
            ReadRow();
            if (FieldCount > 1 || !this[0].IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gives the pooled window back (a cursor over a string holds none).</summary>
    public void Dispose()
    {
        if (_stream is null || _chars.Length == 0)
        {
            return;
        }

        ArrayPool<char>.Shared.Return(_chars);
        ArrayPool<byte>.Shared.Return(_bytes);
        _chars = [];
        _bytes = [];
    }

    // Between rows: whether any text is left, the window's rest moved to its start and refilled when little is left.
    private bool Ahead()
    {
        if (_stream is not null && !_done && _length - _pos < Reserve)
        {
            _chars.AsSpan(_pos, _length - _pos).CopyTo(_chars);
            _length -= _pos;
            _pos = 0;
            while (_length < _chars.Length - Reserve && More())
            {
            }
        }

        return Has(_pos);
    }

    // Whether the text reaches position `at`, decoding more of the stream (never moving what is held) as needed.
    private bool Has(int at)
    {
        while (at >= _length)
        {
            if (!More())
            {
                return false;
            }
        }

        return true;
    }

    // Decodes more of the stream onto the end of the window (grown when full); false at the end of the stream.
    private bool More()
    {
        if (_stream is null || _done)
        {
            return false;
        }

        if (_chars.Length - _length < 4)
        {
            var bigger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            _chars.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }

        while (true)
        {
            if (_byteStart == _byteEnd)
            {
                _byteStart = 0;
                _byteEnd = _stream.Read(_bytes);
                if (_byteEnd == 0)
                {
                    // The end: a strict decoder refuses a sequence cut short here.
                    _decoder!.Convert([], _chars.AsSpan(_length), flush: true, out _, out var last, out _);
                    _length += last;
                    _done = true;
                    return last > 0;
                }
            }

            _decoder!.Convert(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), _chars.AsSpan(_length), flush: false, out var used, out var chars, out _);
            _byteStart += used;
            _length += chars;
            if (chars > 0)
            {
                return true;
            }
        }
    }

    private void ReadRow()
    {
        Line = _line;
        FieldCount = 0;
        _scratchLength = 0;
        if (TryReadPlainRow())
        {
            return;
        }

        while (true)
        {
            var quoteAt = _pos;
            while (Has(quoteAt) && Text[quoteAt] == ' ')
            {
                quoteAt++;
            }

            if (Has(quoteAt) && Text[quoteAt] == '"')
            {
                ReadQuoted(quoteAt + 1);
            }
            else
            {
                var end = IndexOfAny(_pos, ',', '\r', '\n');
                AddField(_pos, end - _pos, scratch: false);
                _pos = end;
            }

            if (!Has(_pos))
            {
                return;
            }

            var c = Text[_pos++];
            if (c == ',')
            {
                continue;
            }

            if (c == '\r' && Has(_pos) && Text[_pos] == '\n')
            {
                _pos++;
            }

            _line++;
            return;
        }
    }

    // The first of the characters at or after `from` (the end of the text when none), decoding more as needed.
    private int IndexOfAny(int from, char a, char b, char c)
    {
        var searched = from;
        while (true)
        {
            var found = Text[searched..].IndexOfAny(a, b, c);
            if (found >= 0)
            {
                return searched + found;
            }

            searched = _length;
            if (!More())
            {
                return _length;
            }
        }
    }

    // The common case, a row with no quotes ending in LF or CRLF: split on commas without per-field searches.
    private bool TryReadPlainRow()
    {
        var searched = _pos;
        int newline;
        while (true)
        {
            var found = Text[searched..].IndexOf('\n');
            if (found >= 0)
            {
                newline = searched + found - _pos;
                break;
            }

            searched = _length;
            if (!More())
            {
                newline = -1;
                break;
            }
        }

        var rest = Text[_pos..];
        var length = newline < 0 ? rest.Length : newline;
        var line = rest[..length];
        var end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        if (line[..end].IndexOfAny('"', '\r') >= 0)
        {
            return false;
        }

        var start = 0;
        for (var i = 0; i < end; i++)
        {
            if (line[i] == ',')
            {
                AddField(_pos + start, i - start, scratch: false);
                start = i + 1;
            }
        }

        AddField(_pos + start, end - start, scratch: false);
        _pos += newline < 0 ? length : length + 1;
        _line++;
        return true;
    }

    private void ReadQuoted(int from)
    {
        var startLine = _line;
        var start = _scratchLength;
        _pos = from;
        while (true)
        {
            var quote = IndexOfAny(_pos, '"', '"', '"');
            if (quote >= _length)
            {
                throw new UnreadableFileException($"unterminated quoted field starting on line {startLine}");
            }

            var chunk = Text[_pos..quote];
            _line += chunk.Count('\n');
            Append(chunk);
            _pos = quote + 1;
            if (Has(_pos) && Text[_pos] == '"')
            {
                Append("\"");
                _pos++;
                continue;
            }

            break;
        }

        while (Has(_pos) && Text[_pos] == ' ')
        {
            _pos++;
        }

        if (Has(_pos) && Text[_pos] is not (',' or '\r' or '\n'))
        {
            throw new UnreadableFileException($"text after a closing quote on line {_line}");
        }

        AddField(start, _scratchLength - start, scratch: true);
    }

    private void Append(ReadOnlySpan<char> chunk)
    {
        if (_scratchLength + chunk.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + chunk.Length));
        }

        chunk.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += chunk.Length;
    }

    private void AddField(int start, int length, bool scratch)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = (start, length, scratch);
    }
}
