using System.Text;
using Lodestar.Application.Returns;
using Lodestar.Data.Audit;
using Lodestar.Data.Returns;
using Lodestar.Data.Security;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Lodestar.Formats.Validation;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Data;

/// <summary>
/// <c>/councils/{code}/data/submissions/{id}</c>: one submission's check report (counts, findings filtered
/// by severity, rule and file, paged; CSV and XLSX downloads for the child-level role), its files and rows,
/// its headline KPIs (now and if confirmed, or as recorded at confirmation and roll-back), and the steps the
/// user may take: confirm (manager), discard (editor or manager), roll back (manager).
/// </summary>
internal sealed class SubmissionModel(Submissions submissions, CouncilAccess access, AuditLog audit) : PageModel
{
    /// <summary>Findings shown per page; the downloads hold them all.</summary>
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true, Name = "file")]
    public string? FileFilter { get; set; }

    // Not "page": Razor Pages binds its own route value of that name (the page path) first.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Council Council { get; private set; } = null!;

    public SubmissionSummary Summary { get; private set; } = null!;

    /// <summary>The findings on this page, after the filters.</summary>
    public IReadOnlyList<Problem> Findings { get; private set; } = [];

    /// <summary>How many findings the filters keep.</summary>
    public int Matching { get; private set; }

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public IReadOnlyList<string> Rules { get; private set; } = [];

    public IReadOnlyList<string> FileNames { get; private set; } = [];

    /// <summary>A checked submission's headline KPIs now and if it were confirmed.</summary>
    public IReadOnlyList<HeadlineKpi> Preview { get; private set; } = [];

    /// <summary>The headline KPIs recorded at its confirmation and roll-back.</summary>
    public IReadOnlyDictionary<SubmissionStep, IReadOnlyList<HeadlineKpi>> Recorded { get; private set; } = new Dictionary<SubmissionStep, IReadOnlyList<HeadlineKpi>>();

    /// <summary>Values can identify a child: shown to the child-level role and to the person who uploaded the files.</summary>
    public bool ShowValues => User.IsInRole(Roles.ChildLevel) || Summary.CheckedBy == User.Identity?.Name;

    public bool CanDownload => User.IsInRole(Roles.ChildLevel);

    public bool CanConfirm => Summary.Status == SubmissionStatus.Checked && User.IsInRole(Roles.Manager);

    public bool CanDiscard => Summary.Status == SubmissionStatus.Checked && (User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Manager));

    public bool CanRollBack => Summary.Status == SubmissionStatus.Confirmed && User.IsInRole(Roles.Manager);

    /// <summary>This page's address with the filters (and another page number).</summary>
    public string Query(int? page = null, string? handler = null)
    {
        var parts = new List<string>();
        if (handler is not null)
        {
            parts.Add($"handler={handler}");
        }

        AddPart(parts, "severity", Severity);
        AddPart(parts, "rule", Rule);
        AddPart(parts, "file", FileFilter);
        if (page is > 1)
        {
            parts.Add($"p={page}");
        }

        return DataPages.Address(Council.Code, Summary.Id) + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }

    public async Task<IActionResult> OnGetAsync(string code, long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, id, cancellationToken))
        {
            return NotFound();
        }

        (Rules, FileNames) = await submissions.FindingFacetsAsync(id, cancellationToken);
        PageNumber = Math.Max(1, PageNumber);
        (Findings, Matching) = await submissions.FindingsAsync(id, SeverityFilter, Blank(Rule), Blank(FileFilter), (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        if (PageNumber > Pages)
        {
            // Past the last page (the filters changed): the last page.
            PageNumber = Pages;
            (Findings, Matching) = await submissions.FindingsAsync(id, SeverityFilter, Blank(Rule), Blank(FileFilter), (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }
        if (Summary.Status == SubmissionStatus.Checked && (await submissions.PreviewAsync(id, cancellationToken)) is { Succeeded: true } preview)
        {
            Preview = preview.Value;
        }

        Recorded = await submissions.RecordedKpisAsync(id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(string code, long id, CancellationToken cancellationToken) =>
        DownloadAsync(code, id, "csv", cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(string code, long id, CancellationToken cancellationToken) =>
        DownloadAsync(code, id, "xlsx", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string code, long id, CancellationToken cancellationToken) =>
        StepAsync(code, id, User.IsInRole(Roles.Manager), s => s.ConfirmAsync(User.Identity!.Name!, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(string code, long id, CancellationToken cancellationToken) =>
        StepAsync(code, id, User.IsInRole(Roles.Editor) || User.IsInRole(Roles.Manager), s => s.DiscardAsync(User.Identity!.Name!, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRollBackAsync(string code, long id, CancellationToken cancellationToken) =>
        StepAsync(code, id, User.IsInRole(Roles.Manager), s => s.RollBackAsync(User.Identity!.Name!, id, cancellationToken), cancellationToken);

    private async Task<IActionResult> StepAsync(string code, long id, bool allowed, Func<Submissions, Task<Result<SubmissionSummary>>> step, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, id, cancellationToken))
        {
            return NotFound();
        }

        if (!allowed)
        {
            return Forbid();
        }

        var done = await step(submissions);
        if (!done.Succeeded)
        {
            foreach (var problem in done.Problems)
            {
                ModelState.AddModelError("actions", problem.Message);
            }

            return await OnGetAsync(code, id, cancellationToken);
        }

        return Redirect(DataPages.Address(Council.Code, id));
    }

    // The findings hold the files' values, which can identify children: the child-level role, and an audit entry first.
    private async Task<IActionResult> DownloadAsync(string code, long id, string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, id, cancellationToken))
        {
            return NotFound();
        }

        if (!User.IsInRole(Roles.ChildLevel))
        {
            return Forbid();
        }

        var (findings, _) = await submissions.FindingsAsync(id, SeverityFilter, Blank(Rule), Blank(FileFilter), 0, int.MaxValue, cancellationToken);
        await audit.RecordAsync(User.Identity!.Name!, AuditActions.ViewChildLevel, $"submission {id} {Council.Code} findings", $"{format} download: {findings.Count} findings", cancellationToken);
        var name = $"submission-{id}-{Council.Code}-findings.{format}";
        using var output = new MemoryStream();
        if (format == "csv")
        {
            await using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
            {
                FindingsExport.WriteCsv(writer, findings);
            }

            return File(output.ToArray(), "text/csv; charset=utf-8", name);
        }

        FindingsExport.WriteXlsx(output, findings);
        return File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private async Task<bool> LoadAsync(string code, long id, CancellationToken cancellationToken)
    {
        if (await DataPages.CouncilAsync(access, code, cancellationToken) is not { } council
            || await submissions.FindAsync(id, cancellationToken) is not { } summary
            || summary.Council != council.Code)
        {
            return false;
        }

        (Council, Summary) = (council, summary);
        return true;
    }

    // "error" or "warning" (any case); anything else is no filter.
    private Lodestar.Domain.Problems.Severity? SeverityFilter =>
        Enum.TryParse<Lodestar.Domain.Problems.Severity>(Severity, ignoreCase: true, out var severity) && Enum.IsDefined(severity) ? severity : null;

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void AddPart(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
