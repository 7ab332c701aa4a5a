namespace Lodestar.Formats.Text;

/// <summary>
/// The one CSV tokenizer, forward-only over a whole file's text: commas, optional double quotes with ""
/// escapes (fields may span lines), LF or CRLF line ends, a leading UTF-8 byte-order mark skipped.
/// Allocates nothing per field: unquoted fields are slices of the text; quoted fields are unescaped
/// into a reused buffer. Throws <see cref="UnreadableFileException"/> on broken quoting.
/// </summary>
internal sealed class CsvCursor(string text)
{
    private readonly string _text = text;
    private int _pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
    private int _line = 1;
    private (int Start, int Length, bool Scratch)[] _fields = new (int, int, bool)[32];
    private char[] _scratch = new char[256];
    private int _scratchLength;

    /// <summary>How many fields the current row has.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based line the current row started on.</summary>
    public int Line { get; private set; }

    /// <summary>Field <paramref name="i"/> of the current row, untrimmed.</summary>
    public ReadOnlySpan<char> this[int i]
    {
        get
        {
            var (start, length, scratch) = _fields[i];
            return scratch ? _scratch.AsSpan(start, length) : _text.AsSpan(start, length);
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
        while (_pos < _text.Length)
        {
            ReadRow();
            if (FieldCount > 1 || !this[0].IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
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

        var text = _text.AsSpan();
        while (true)
        {
            var quoteAt = _pos;
            while (quoteAt < text.Length && text[quoteAt] == ' ')
            {
                quoteAt++;
            }

            if (quoteAt < text.Length && text[quoteAt] == '"')
            {
                ReadQuoted(quoteAt + 1);
            }
            else
            {
                var end = text[_pos..].IndexOfAny(',', '\r', '\n');
                end = end < 0 ? text.Length : _pos + end;
                AddField(_pos, end - _pos, scratch: false);
                _pos = end;
            }

            if (_pos >= text.Length)
            {
                return;
            }

            var c = text[_pos++];
            if (c == ',')
            {
                continue;
            }

            if (c == '\r' && _pos < text.Length && text[_pos] == '\n')
            {
                _pos++;
            }

            _line++;
            return;
        }
    }

    // The common case, a row with no quotes ending in LF or CRLF: split on commas without per-field searches.
    private bool TryReadPlainRow()
    {
        var rest = _text.AsSpan(_pos);
        var newline = rest.IndexOf('\n');
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
        var text = _text.AsSpan();
        var startLine = _line;
        var start = _scratchLength;
        _pos = from;
        while (true)
        {
            var quote = text[_pos..].IndexOf('"');
            if (quote < 0)
            {
                throw new UnreadableFileException($"unterminated quoted field starting on line {startLine}");
            }

            var chunk = text.Slice(_pos, quote);
            _line += chunk.Count('\n');
            Append(chunk);
            _pos += quote + 1;
            if (_pos < text.Length && text[_pos] == '"')
            {
                Append("\"");
                _pos++;
                continue;
            }

            break;
        }

        while (_pos < text.Length && text[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos < text.Length && text[_pos] is not (',' or '\r' or '\n'))
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
