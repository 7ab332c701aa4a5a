using Lodestar.Domain.Problems;

namespace Lodestar.Formats.Validation;

/// <summary>
/// A data-quality rule: a stable id (the DfE's rule number where the DfE has one — see
/// <see cref="DfeNumbered"/> — else a Lodestar id starting "LS-"), a severity, the message shown
/// to the user, and the return and table it looks at.
/// </summary>
public sealed record ValidationRule(string Id, Severity Severity, string Message, string Return, string Table)
{
    /// <summary>True when <see cref="Id"/> is the DfE's own rule number (903 validation rules or CIN census validation rules).</summary>
    public bool DfeNumbered => !Id.StartsWith("LS-", StringComparison.Ordinal) && !Id.Contains('-', StringComparison.Ordinal);
}
