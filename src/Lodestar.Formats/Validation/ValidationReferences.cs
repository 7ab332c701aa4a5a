using Lodestar.Domain.Problems;
using Lodestar.Formats.Reference;

namespace Lodestar.Formats.Validation;

/// <summary>
/// The reference lists some 903 rules need besides the return: a postcode lookup (where a placement is: its council,
/// its country) and Ofsted's list of providers (what a URN is). Without one, the rules that need it are not run and are
/// listed as not run (<see cref="ReturnValidator.NotRun"/>), never passed in silence. Hosts configure them:
/// <c>lodestar validate --postcodes FILE --providers FILE</c>, or the settings <c>Lodestar:Reference:Postcodes</c> and
/// <c>Lodestar:Reference:Providers</c> (docs/validation.md, "Issue 12, reference lists").
/// </summary>
/// <param name="Postcodes">The postcode lookup, or null.</param>
/// <param name="Providers">Ofsted's providers, or null.</param>
public sealed record ValidationReferences(PostcodeLookup? Postcodes = null, OfstedProviders? Providers = null)
{
    /// <summary>No reference list: the rules that need one are not run.</summary>
    public static ValidationReferences None { get; } = new();

    /// <summary>
    /// Reads the files given (a null or empty path: that list is not given). A file that cannot be read, or any bad row in it,
    /// fails the whole result with every problem (file, line or row, column, value), so that a wrong file is never half used.
    /// </summary>
    public static Result<ValidationReferences> Load(string? postcodes, string? providers)
    {
        var problems = new List<Problem>();
        PostcodeLookup? lookup = null;
        OfstedProviders? list = null;
        if (!string.IsNullOrWhiteSpace(postcodes))
        {
            var read = PostcodeLookup.Read(postcodes);
            problems.AddRange(read.Problems);
            lookup = read.Succeeded ? read.Value : null;
        }

        if (!string.IsNullOrWhiteSpace(providers))
        {
            var read = OfstedProviders.Read(providers);
            problems.AddRange(read.Problems);
            list = read.Succeeded ? read.Value : null;
        }

        return problems.Count > 0 ? Result.Failure<ValidationReferences>(problems) : Result.Success(new ValidationReferences(lookup, list));
    }
}
