namespace Lodestar.Metrics.Records;

/// <summary>What the 903 and CIN builders share: the council, the children, the codes and the source files.</summary>
public abstract class DatasetBuilder
{
    private readonly List<SourceFile> _files = [];
    private readonly List<int[]> _marks = [];
    private bool _built;

    private protected DatasetBuilder(string councilCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(councilCode);
        CouncilCode = councilCode;
    }

    /// <summary>The council every record belongs to (e.g. E10000003). One dataset never mixes councils.</summary>
    public string CouncilCode { get; }

    /// <summary>The codes interned so far (readers intern through this).</summary>
    public CodeTable Codes { get; } = new();

    /// <summary>The children numbered so far.</summary>
    public ChildIndex Children { get; } = new();

    /// <summary>The files registered so far.</summary>
    public IReadOnlyList<SourceFile> Files => _files;

    /// <summary>Registers a file rows will be read from; returns its index for <see cref="SourceLocation.File"/>.</summary>
    public int AddFile(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        CheckOpen();
        _files.Add(file);
        int[] mark = [Children.Count, .. TableCounts()];
        _marks.Add(mark);
        return _files.Count - 1;
    }

    /// <summary>
    /// Forgets the file registered last and every row and child added since it was registered — for a
    /// reader that finds part-way through that the file is unreadable, so no half-read file is used.
    /// </summary>
    public void DiscardLastFile()
    {
        CheckOpen();
        if (_files.Count == 0)
        {
            throw new InvalidOperationException("No file has been registered.");
        }

        var mark = _marks[^1];
        if (mark.Length == 0)
        {
            throw new InvalidOperationException("The file registered last came with another builder's rows (Append): they cannot be told apart.");
        }

        _marks.RemoveAt(_marks.Count - 1);
        _files.RemoveAt(_files.Count - 1);
        Children.Truncate(mark[0]);
        TruncateTables(mark.AsSpan(1));
    }

    /// <summary>Sets the collection year of file <paramref name="file"/> once it is known (e.g. inferred from the dates read).</summary>
    public void SetCollectionYear(int file, int collectionYear)
    {
        CheckOpen();
        _files[file] = _files[file] with { CollectionYear = collectionYear };
    }

    /// <summary>Records the file's header: its reference date (a day number, or <see cref="RecordValues.Blank"/>) and the line it is on.</summary>
    public void SetHeader(int file, int referenceDate, int line)
    {
        CheckOpen();
        _files[file] = _files[file] with { ReferenceDate = referenceDate, HeaderLine = line };
    }

    /// <summary>
    /// Registers the files of <paramref name="source"/> after those registered here (each path with <paramref name="pathPrefix"/>
    /// before it, when given) and numbers its children and codes here, in its order: as reading its files here would have.
    /// Returns how its rows are carried over.
    /// </summary>
    private protected RowsMap AppendFiles(DatasetBuilder source, string? pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckOpen();
        source.CheckOpen();
        if (ReferenceEquals(source, this))
        {
            throw new ArgumentException("A builder cannot be appended to itself.", nameof(source));
        }

        var fileOffset = _files.Count;
        foreach (var file in source._files)
        {
            _files.Add(pathPrefix is null ? file : file with { Path = pathPrefix + file.Path });
            _marks.Add([]);
        }

        var children = new int[source.Children.Count];
        for (var c = 0; c < children.Length; c++)
        {
            children[c] = Children.GetOrAdd(source.Children.IdOf(c));
        }

        var codes = new int[source.Codes.Count];
        for (var id = 1; id < codes.Length; id++)
        {
            codes[id] = Codes.Intern(source.Codes[id]);
        }

        return new RowsMap(children, codes, fileOffset);
    }

    private protected abstract int[] TableCounts();

    private protected abstract void TruncateTables(ReadOnlySpan<int> counts);

    /// <summary>The dense number of the child with id <paramref name="id"/>, numbering it when new.</summary>
    public int ChildNumber(ReadOnlySpan<char> id)
    {
        CheckOpen();
        return Children.GetOrAdd(id);
    }

    /// <inheritdoc cref="ChildNumber(ReadOnlySpan{char})"/>
    public int ChildNumber(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ChildNumber(id.AsSpan());
    }

    private protected void CheckChild(int child)
    {
        CheckOpen();
        if ((uint)child >= (uint)Children.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(child), child, "No child with this number; get one from ChildNumber.");
        }
    }

    private protected void CheckOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its dataset; start a new builder.");
        }
    }

    /// <summary>Closes the builder and returns each file's rank for the merge rule: later collection year first, then later file.</summary>
    private protected long[] Close()
    {
        CheckOpen();
        _built = true;
        var precedence = new long[_files.Count];
        for (var i = 0; i < _files.Count; i++)
        {
            precedence[i] = ((long)_files[i].CollectionYear << 32) | (uint)i;
        }

        return precedence;
    }
}
