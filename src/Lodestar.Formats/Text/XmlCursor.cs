using System.Xml;

namespace Lodestar.Formats.Text;

/// <summary>
/// A safe, forward-only walk over an XML document. No DTD is allowed (so no entity is declared, expanded
/// or fetched) and nothing is resolved. Every handler leaves the reader on the last node of the element it
/// handled (its end tag, or the element itself when empty), so walks compose.
/// </summary>
internal sealed class XmlCursor : IDisposable
{
    private readonly XmlReader _reader;
    private readonly IXmlLineInfo _lines;
    // A leaf's text, read in chunks from the reader rather than as a string per text node.
    private char[] _text = new char[128];
    private int _length;

    public XmlCursor(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
            MaxCharactersFromEntities = 0,
        };
        _reader = XmlReader.Create(stream, settings);
        _lines = (IXmlLineInfo)_reader;
    }

    public string Name => _reader.LocalName;

    public int Line => _lines.LineNumber;

    public int Depth => _reader.Depth;

    public bool IsEmpty => _reader.IsEmptyElement;

    /// <summary>Moves to the document's root element and returns its name.</summary>
    public string ReadRoot()
    {
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                return _reader.LocalName;
            }
        }

        throw new UnreadableFileException("no XML element in the file");
    }

    /// <summary>
    /// From an element (or its previous child's last node), moves to its next child element; false when the
    /// element ends. <paramref name="parentDepth"/> is the element's depth; <paramref name="parentEmpty"/> whether it was empty.
    /// </summary>
    public bool NextChild(int parentDepth, bool parentEmpty)
    {
        if (parentEmpty && _reader.Depth == parentDepth && _reader.NodeType == XmlNodeType.Element)
        {
            return false;
        }

        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element when _reader.Depth == parentDepth + 1:
                    return true;
                case XmlNodeType.EndElement when _reader.Depth == parentDepth:
                    return false;
            }
        }

        throw Truncated();
    }

    /// <summary>
    /// The text of the current element (child elements inside it are skipped); trimmed. The span is the cursor's
    /// own buffer: valid until the next call that moves the cursor (take <c>ToString()</c> to keep it).
    /// </summary>
    public ReadOnlySpan<char> ReadLeaf()
    {
        if (_reader.IsEmptyElement)
        {
            return default;
        }

        _length = 0;
        var depth = _reader.Depth;
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    AppendValue();
                    break;
                case XmlNodeType.EndElement when _reader.Depth == depth:
                    return _text.AsSpan(0, _length).Trim();
            }
        }

        throw Truncated();
    }

    // The text node's value into the buffer, chunk by chunk: no string for it.
    private void AppendValue()
    {
        if (!_reader.CanReadValueChunk)
        {
            var value = _reader.Value;
            Reserve(value.Length);
            value.CopyTo(_text.AsSpan(_length));
            _length += value.Length;
            return;
        }

        int read;
        do
        {
            Reserve(64);
            read = ReadChunk();
            _length += read;
        }
        while (read > 0);
    }

    private void Reserve(int more)
    {
        if (_length + more > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + more));
        }
    }

    /// <summary>Skips the current element and everything in it.</summary>
    public void Skip()
    {
        if (_reader.IsEmptyElement)
        {
            return;
        }

        var depth = _reader.Depth;
        while (Read())
        {
            if (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth)
            {
                return;
            }
        }

        throw Truncated();
    }

    public void Dispose() => _reader.Dispose();

    private bool Read()
    {
        try
        {
            return _reader.Read();
        }
        catch (XmlException e)
        {
            throw Refusal(e);
        }
    }

    private int ReadChunk()
    {
        try
        {
            return _reader.ReadValueChunk(_text, _length, _text.Length - _length);
        }
        catch (XmlException e)
        {
            throw Refusal(e);
        }
    }

    // The reader's failures as the refusals Lodestar gives for them.
    private static UnreadableFileException Refusal(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? new UnreadableFileException("XML with a DTD (document type declaration) is refused: entities are never expanded or fetched")
            : e.Message.Contains("end of file", StringComparison.OrdinalIgnoreCase)
                ? Truncated()
                : new UnreadableFileException($"not well-formed XML at line {e.LineNumber}, position {e.LinePosition}");

    private static UnreadableFileException Truncated() => new("the XML ends before its elements are closed (truncated file?)");
}
