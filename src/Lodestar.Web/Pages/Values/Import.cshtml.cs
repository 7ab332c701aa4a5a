using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Frameworks;
using Lodestar.Formats.Frameworks;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Values;

/// <summary>Upload a CSV or XLSX of periodic values (docs/frameworks.md): all or nothing, every problem with its row and column.</summary>
[Authorize(Policy = SecurityServices.EditorPolicy)]
public sealed class ImportModel(LodestarDbContext db, FrameworkStore store, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>Larger files are refused before reading.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<FileProblem> Problems { get; private set; } = [];

    public int? Imported { get; private set; }

    public string? FileName { get; private set; }

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

        IReadOnlyList<(int Row, string[] Cells)> rows;
        try
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            rows = isXlsx ? Xlsx.ReadFirstSheet(buffer) : PeriodicValuesFile.ReadCsv(buffer);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            ModelState.AddModelError(nameof(Upload), $"{FileName} cannot be read as {(isXlsx ? "XLSX" : "CSV")}");
            return Page();
        }

        var measures = await store.MeasuresAsync(cancellationToken: cancellationToken);
        var councils = await store.CouncilCodesAsync(cancellationToken);
        var actor = User.Identity?.Name ?? "unknown";
        var read = PeriodicValuesFile.Validate(FileName, rows, measures.ContainsKey, c => councils.GetValueOrDefault(c), actor, clock.GetUtcNow());
        if (!read.Succeeded)
        {
            Problems = read.Problems;
            ModelState.AddModelError(nameof(Upload), $"{FileName} has {read.Problems.Count} problem{(read.Problems.Count == 1 ? "" : "s")}: nothing was imported");
            return Page();
        }

        // The audit entry is added to the same context: the store's SaveChanges commits it with the values.
        audit.Add(actor, AuditActions.Import, $"values {FileName}", $"{read.Values.Count} values");
        var stored = await store.ImportValuesAsync(read.Values, cancellationToken);
        if (!stored.Succeeded)
        {
            db.ChangeTracker.Clear(); // the audit entry was not saved: drop it
            Problems = stored.Problems.Select(p => new FileProblem(FileName, "", p)).ToList();
            ModelState.AddModelError(nameof(Upload), $"{FileName}: nothing was imported");
            return Page();
        }

        Imported = stored.Stored;
        return Page();
    }
}
