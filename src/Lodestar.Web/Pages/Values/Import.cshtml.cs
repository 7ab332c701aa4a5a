using Lodestar.Application.Imports;
using Lodestar.Domain.Problems;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Values;

/// <summary>Upload a CSV or XLSX of periodic values (docs/frameworks.md): all or nothing, every problem with its row and column.</summary>
[Authorize(Policy = SecurityServices.EditorPolicy)]
internal sealed class ImportModel(Importer importer, CouncilAccess access) : PageModel
{
    /// <summary>Larger files are refused before reading.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public int? Imported { get; private set; }

    public string? FileName { get; private set; }

    /// <summary>Where a problem is, for the table: "row 3, column value"; blank for a problem with the whole file.</summary>
    public static string Where(Problem problem) =>
        string.Join(", ", new[] { problem.Line > 0 ? $"row {problem.Line}" : null, problem.Column is { } column ? $"column {column}" : null }.OfType<string>());

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV or XLSX file of values");
            return Page();
        }

        FileName = Path.GetFileName(Upload.FileName);
        var isXlsx = FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!isXlsx && !FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "The file must be a CSV or an XLSX file");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file is larger than 10 MB");
            return Page();
        }

        await using var content = Upload.OpenReadStream();
        // A row for a council the user has no grant for is refused exactly as one for an unknown council.
        var allowed = await access.AllowedAsync(cancellationToken);
        var stored = await importer.ValuesAsync(User.Identity?.Name ?? "unknown", FileName, content, allowed, cancellationToken);
        if (!stored.Succeeded)
        {
            Problems = stored.Problems;
            ModelState.AddModelError(nameof(Upload), $"{FileName} has {stored.Problems.Count} problem{(stored.Problems.Count == 1 ? "" : "s")}: nothing was imported");
            return Page();
        }

        Imported = stored.Value;
        return Page();
    }
}
