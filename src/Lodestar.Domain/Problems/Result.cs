namespace Lodestar.Domain.Problems;

/// <summary>
/// The outcome of an operation that can fail in expected ways (bad data, a refused request): the
/// problems found, and whether it succeeded — true when no problem is an error. Misuse by the caller
/// is an exception instead.
/// </summary>
public class Result
{
    public Result(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = [.. problems];
    }

    /// <summary>Every problem found, errors and warnings, in the order found.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>True when no problem is an error.</summary>
    public bool Succeeded => !Problems.Any(p => p.Severity == Severity.Error);

    /// <summary>The problems that are errors.</summary>
    public IEnumerable<Problem> Errors => Problems.Where(p => p.Severity == Severity.Error);

    public static Result Success() => new([]);

    public static Result Failure(params IEnumerable<Problem> problems) => new(problems);

    public static Result<T> Success<T>(T value, IEnumerable<Problem>? warnings = null) => new(value, warnings ?? []);

    public static Result<T> Failure<T>(params IEnumerable<Problem> problems) => new(default, problems);
}

/// <summary>A <see cref="Result"/> that gives a value when it succeeded.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    internal Result(T? value, IEnumerable<Problem> problems)
        : base(problems)
    {
        _value = value;
        if (Succeeded && value is null)
        {
            throw new ArgumentNullException(nameof(value), "A result that succeeded needs its value.");
        }
    }

    /// <summary>The value. Reading it from a failed result is a mistake in the caller and throws.</summary>
    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException("The operation failed; its value is not there. Check Succeeded first. " + string.Join("; ", Errors));
}
