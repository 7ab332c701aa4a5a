using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lodestar.Application.Packs;
using Lodestar.Data.Audit;
using Lodestar.Data.Packs;
using Lodestar.Data.Security;
using Lodestar.Web.Tests.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lodestar.Web.Tests.Packs;

// Scheduled packs on the class's app (the Children's Trust schedule imported): schedules through the API and
// the page, a build, the list and the audited download. Writes only schedules, files and audit entries, which
// the class's other tests do not read.
public sealed partial class PackWebTests
{
    [Fact]
    public async Task Schedule_EditorAdds_BuildStoresThreeFiles_ListedAndDownloadedAudited_OtherCouncil404()
    {
        var (editorName, editor) = await shared.App.SignedInUserAsync(TestGrants.All, Roles.Viewer, Roles.Editor);
        var viewer = await shared.App.SignedInClientAsync(Roles.Viewer);
        var (_, other) = await shared.App.SignedInUserAsync(TestGrants.Of("E06000001"), Roles.Viewer, Roles.Editor);

        var added = await editor.PostAsJsonAsync("/api/v1/packs/schedules", new { framework = FrameworkTestData.FrameworkId, council = "E10000003", day = 3 }, Cancel);
        var day29 = await editor.PostAsJsonAsync("/api/v1/packs/schedules", new { framework = FrameworkTestData.FrameworkId, council = "E10000003", day = 29 }, Cancel);
        var byViewer = await viewer.PostAsJsonAsync("/api/v1/packs/schedules", new { framework = FrameworkTestData.FrameworkId, council = "E10000003", day = 3 }, Cancel);
        var schedule = (await added.Content.ReadFromJsonAsync<PackScheduleItem>(new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }, Cancel))!;
        IReadOnlyList<PackFileEntity> files;
        using (var scope = shared.App.Services.CreateScope())
        {
            files = await scope.ServiceProvider.GetRequiredService<PackScheduler>().BuildAsync(schedule, new DateOnly(2025, 6, 3), Cancel);
        }

        var listed = await editor.GetFromJsonAsync<JsonElement>("/api/v1/packs/built", Cancel);
        var otherListed = await other.GetFromJsonAsync<JsonElement>("/api/v1/packs/built", Cancel);
        var pdf = files.Single(f => f.Format == "pdf");
        var download = await editor.GetAsync($"/api/v1/packs/built/{pdf.Id}", Cancel);
        var otherDownload = await other.GetAsync($"/api/v1/packs/built/{pdf.Id}", Cancel);
        var page = await editor.GetStringAsync("/packs/built", Cancel);
        var otherDelete = await other.DeleteAsync($"/api/v1/packs/schedules/{schedule.Id}", Cancel);
        var delete = await editor.DeleteAsync($"/api/v1/packs/schedules/{schedule.Id}", Cancel);

        Assert.Equal(
            (HttpStatusCode.Created, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden),
            (added.StatusCode, day29.StatusCode, byViewer.StatusCode));
        Assert.Contains("the day of the month must be from 1 to 28", await day29.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(["pdf", "xlsx", "html"], files.Select(f => f.Format));
        Assert.Contains(listed.EnumerateArray(), f => f.GetProperty("id").GetInt64() == pdf.Id && f.GetProperty("file_name").GetString() == $"pack-{FrameworkTestData.FrameworkId}-E10000003-{pdf.Year}-2025-06-03.pdf");
        Assert.DoesNotContain(otherListed.EnumerateArray(), f => f.GetProperty("id").GetInt64() == pdf.Id);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (download.StatusCode, otherDownload.StatusCode));
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/v1/packs/built/{pdf.Id}\"", page, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NoContent), (otherDelete.StatusCode, delete.StatusCode));
        await using var db = FrameworkTestData.Open(shared.App);
        Assert.Equal(1, await db.Set<AuditEventEntity>().CountAsync(a => a.Actor == editorName && a.Action == "pack download" && a.Subject == $"pack file {pdf.Id} E10000003", Cancel));
    }

    [Fact]
    public async Task SchedulePage_EditorPostsTheForm_ScheduleListed_DayOutOfRangeNamed()
    {
        var (editorName, editor) = await shared.App.SignedInUserAsync(TestGrants.Of("E10000003"), Roles.Viewer, Roles.Editor);
        var form = await editor.GetStringAsync("/packs/built", Cancel);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        async Task<HttpResponseMessage> PostAsync(string day)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["What"] = "framework:" + FrameworkTestData.FrameworkId, ["Council"] = "E10000003", ["Day"] = day, ["__RequestVerificationToken"] = token,
            });
            return await editor.PostAsync("/packs/built?handler=Schedule", content, Cancel);
        }

        var bad = await PostAsync("40");
        var good = await PostAsync("12");
        var page = await editor.GetStringAsync("/packs/built", Cancel);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("<span class=\"govuk-visually-hidden\">Error:</span> the day of the month must be from 1 to 28", await bad.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        // The client follows the redirect: a stored schedule lands back on the list, a refused one stays on the form's answer.
        Assert.Equal(("/packs/built", "/packs/built?handler=Schedule"), (good.RequestMessage!.RequestUri!.PathAndQuery, bad.RequestMessage!.RequestUri!.PathAndQuery));
        Assert.Contains("<td class=\"govuk-table__cell\">12</td>", page, StringComparison.Ordinal);
        await using var db = FrameworkTestData.Open(shared.App);
        Assert.Equal(1, await db.Set<PackScheduleEntity>().CountAsync(s => s.CreatedBy == editorName && s.DayOfMonth == 12, Cancel));
    }
}
