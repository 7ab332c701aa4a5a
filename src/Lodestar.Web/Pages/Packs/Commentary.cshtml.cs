using Lodestar.Application.Packs;
using Lodestar.Data;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Web.Api.V1;
using Lodestar.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Lodestar.Web.Pages.Packs;

/// <summary>
/// /packs/commentary?framework=&amp;council=&amp;year=&amp;measure=: a measure's commentary in the pack, with the draft
/// written from the data and every earlier version; editors save a new version (<see cref="PackCommentary"/>, audited).
/// </summary>
internal sealed class CommentaryModel(LodestarDbContext db, AuditLog audit, TimeProvider clock, IAuthorizationService authorization) : PackPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public BoardPack Pack { get; private set; } = null!;

    public PackMeasure Line { get; private set; } = null!;

    public IReadOnlyList<CommentaryEntry> History { get; private set; } = [];

    public bool IsEditor { get; private set; }

    /// <summary>The pack page this commentary belongs to.</summary>
    public string PackUrl => $"/packs/view?framework={Uri.EscapeDataString(Pack.FrameworkId)}&council={Uri.EscapeDataString(Pack.Council.Code)}&year={Pack.Period.ReportingYearLabel}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Text = Line.Commentary;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded)
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var saved = await PackCommentary.SaveAsync(db, audit, clock, User.Identity?.Name ?? "", Pack.Council.Code, Line.Id, Pack.Period.ReportingYearLabel, Text, cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect(PackUrl);
        }

        foreach (var problem in saved.Problems)
        {
            ModelState.AddModelError(nameof(Text), "Commentary: " + problem.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (Asked is not { } asked || string.IsNullOrWhiteSpace(Measure))
        {
            return false;
        }

        var pack = await ApiV1Packs.BuildAsync(HttpContext, asked.Framework, asked.Council, asked.Year, false, cancellationToken);
        var line = pack?.Measures.FirstOrDefault(m => m.Id == Measure.Trim());
        if (pack is null || line is null)
        {
            return false;
        }

        Pack = pack;
        Line = line;
        History = await PackCommentary.HistoryAsync(db, pack.Council.Code, line.Id, pack.Period.ReportingYearLabel, cancellationToken);
        IsEditor = (await authorization.AuthorizeAsync(User, SecurityServices.EditorPolicy)).Succeeded;
        return true;
    }
}
