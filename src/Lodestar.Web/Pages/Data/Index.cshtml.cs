using Lodestar.Application.Returns;
using Lodestar.Data.Security;
using Lodestar.Domain.Councils;
using Lodestar.Domain.Problems;
using Lodestar.Formats;
using Lodestar.Web.Returns;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lodestar.Web.Pages.Data;

/// <summary>
/// <c>/councils/{code}/data</c>: the council's submissions (newest first) and, for editors, the upload of
/// one return's files (several files or one zip) as a new checked submission (docs/web.md, "Data").
/// </summary>
internal sealed class IndexModel(Submissions submissions, CouncilAccess access, DataUploadOptions uploads) : PageModel
{
    /// <summary>The most refusals listed in the error summary; the rest are counted.</summary>
    public const int MaxListedProblems = 50;

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The collection year of 903 files whose names and dates do not say it.</summary>
    [BindProperty]
    public int? Year { get; set; }

    public Council Council { get; private set; } = null!;

    public IReadOnlyList<SubmissionSummary> History { get; private set; } = [];

    /// <summary>The headline KPIs recorded when each submission was confirmed, by submission id.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<HeadlineKpi>> AtConfirmation { get; private set; } = new Dictionary<long, IReadOnlyList<HeadlineKpi>>();

    public long MaxUploadMb => uploads.MaxMb;

    public bool CanUpload => User.IsInRole(Roles.Editor);

    public bool CanRollBack => User.IsInRole(Roles.Manager);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await DataPages.CouncilAsync(access, code, cancellationToken) is not { } council)
        {
            return NotFound();
        }

        Council = council;
        await LoadHistoryAsync(council.Code, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await DataPages.CouncilAsync(access, code, cancellationToken) is not { } council)
        {
            return NotFound();
        }

        if (!User.IsInRole(Roles.Editor))
        {
            return Forbid();
        }

        Council = council;
        var chosen = Files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Choose the return's files (903 CSV or XML, or a CIN census XML) or one zip of them");
        }
        else if (Year is < 1990 or > 2100)
        {
            ModelState.AddModelError(nameof(Year), "Enter a collection year between 1990 and 2100, or leave it blank");
        }
        else
        {
            var files = new List<InputFile>(chosen.Count);
            foreach (var upload in chosen)
            {
                files.Add(new InputFile(FileName(upload.FileName), await ReadAsync(upload, cancellationToken)));
            }

            var check = await submissions.CheckAsync(User.Identity!.Name!, council.Code, files, Year, cancellationToken);
            if (check.Succeeded)
            {
                return Redirect(DataPages.Address(council.Code, check.Value.Submission.Id));
            }

            Refuse(check.Problems);
        }

        await LoadHistoryAsync(council.Code, cancellationToken);
        return Page();
    }

    private async Task LoadHistoryAsync(string council, CancellationToken cancellationToken)
    {
        History = await submissions.ListAsync(council, cancellationToken);
        AtConfirmation = await submissions.ConfirmedKpisAsync(council, cancellationToken);
    }

    private void Refuse(IReadOnlyList<Problem> problems)
    {
        ModelState.AddModelError(nameof(Files), $"Nothing was stored: the upload was refused ({problems.Count} {(problems.Count == 1 ? "problem" : "problems")})");
        foreach (var problem in problems.Take(MaxListedProblems))
        {
            ModelState.AddModelError(nameof(Files), DataPages.Describe(problem));
        }

        if (problems.Count > MaxListedProblems)
        {
            ModelState.AddModelError(nameof(Files), $"and {problems.Count - MaxListedProblems} more");
        }
    }

    // The browser's name for the file, without any folder (some browsers send one): the use case wants names alone.
    private static string FileName(string uploaded)
    {
        var name = uploaded.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        return name.Length == 0 ? "unnamed" : name;
    }

    private static async Task<byte[]> ReadAsync(IFormFile upload, CancellationToken cancellationToken)
    {
        await using var stream = upload.OpenReadStream();
        using var memory = new MemoryStream(checked((int)Math.Min(upload.Length, int.MaxValue)));
        await stream.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }
}
