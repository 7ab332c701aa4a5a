using System.Text.Json;
using Lodestar.Data.Security;

namespace Lodestar.Web.Tests.Kpis;

public sealed class KpiApiSmallNumbersTests(DemoApp demo)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Results_Suppress_WithholdSmallNumbersAsCAndKeepTheRest()
    {
        using var client = await demo.App.SignedInClientAsync(Roles.Viewer);

        using var staff = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/kpis?council=E10000003&year=2025", UriKind.Relative), Cancel));
        using var outside = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/kpis?council=E10000003&year=2025&suppress=true", UriKind.Relative), Cancel));

        var pairs = staff.RootElement.EnumerateArray().Zip(outside.RootElement.EnumerateArray()).ToList();
        var small = pairs.Where(p => p.First.GetProperty("small_number").GetBoolean()).ToList();
        Assert.NotEmpty(small);
        foreach (var (real, withheld) in small)
        {
            // The DfE's rule by unit: a count 1–4, a share's denominator 1–4, a rate's numerator 1–4.
            var basis = real.GetProperty("unit").GetString() switch
            {
                "count" => real.GetProperty("value").GetDouble(),
                "rate_per_10k" => real.GetProperty("numerator").GetDouble(),
                _ => real.GetProperty("denominator").GetDouble(),
            };
            Assert.InRange(basis, 1, 4);
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "c"), (withheld.GetProperty("value").ValueKind, withheld.GetProperty("denominator").ValueKind, withheld.GetProperty("suppressed").GetString()));
        }

        Assert.All(pairs.Except(small), p => Assert.Equal(p.First.GetRawText(), p.Second.GetRawText()));
        Assert.DoesNotContain(staff.RootElement.EnumerateArray(), r => r.TryGetProperty("suppressed", out _));
    }
}
