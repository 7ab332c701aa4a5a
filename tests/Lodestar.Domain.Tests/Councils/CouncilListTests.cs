using Lodestar.Domain.Councils;

namespace Lodestar.Domain.Tests.Councils;

public sealed class CouncilListTests
{
    [Theory]
    [InlineData("E10000003")]
    [InlineData("e10000003")]
    [InlineData(" 873 ")]
    public void Find_CodeOrLaNumber_GivesTheCouncilWithBoth(string text)
    {
        var council = CouncilList.Find(text);

        Assert.Equal(new Council("E10000003", "873", "Cambridgeshire", "East of England"), council);
        Assert.False(council!.IsFormer);
    }

    [Theory]
    [InlineData("909")]
    [InlineData("E10000006")]
    [InlineData("e10000006")]
    public void Find_FormerCouncilByLaNumberOrCode_GivesItMarkedFormer(string text)
    {
        // The DfE files carry Cumbria (old_la_code 909, new_la_code E10000006, North West) to 2025; its area
        // passed to Cumberland and to Westmorland and Furness on 1 April 2023.
        var council = CouncilList.Find(text);

        Assert.Equal(new Council("E10000006", "909", "Cumbria", "North West", new DateOnly(2023, 4, 1)), council);
        Assert.True(council!.IsFormer);
        Assert.Equal("E12000002", council.RegionCode);
    }

    [Theory]
    [InlineData("E99999999")]
    [InlineData("999")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_Unknown_IsNull(string? text)
    {
        Assert.Null(CouncilList.Find(text));
    }

    [Fact]
    public void Current_IsTheCouncilsToday_WithoutFormerOnes()
    {
        // samples/councils.tsv: 159 lines = the header, 153 councils today (as before former councils were
        // listed: the DfE population file's 2024 local-authority rows), then 5 former councils.
        Assert.Equal(153, CouncilList.Current.Count);
        Assert.DoesNotContain(CouncilList.Current, c => c.IsFormer);
        Assert.Equal(("E09000002", "Barking and Dagenham"), (CouncilList.Current[0].Code, CouncilList.Current[0].Name));
        Assert.Equal(("E06000014", "York"), (CouncilList.Current[^1].Code, CouncilList.Current[^1].Name));
    }

    [Fact]
    public void All_HoldsTheFormerCouncilsTheDfeFilesCarry()
    {
        // LA numbers in samples/benchmarks/dfe with a Local authority row that are not councils today: Dorset
        // county (835), Poole (836), Bournemouth (837), abolished 2019; Northamptonshire (928), 2021; Cumbria (909), 2023.
        var former = CouncilList.All.Where(c => c.IsFormer).Select(c => (c.LaNumber, c.Code, c.Abolished!.Value.Year));

        Assert.Equal(
            [("835", "E10000009", 2019), ("836", "E06000029", 2019), ("837", "E06000028", 2019), ("909", "E10000006", 2023), ("928", "E10000021", 2021)],
            former);
        Assert.Equal(158, CouncilList.All.Count);
    }

    [Fact]
    public void All_CodesAndLaNumbers_AreEachUsedOnce()
    {
        Assert.Equal(CouncilList.All.Count, CouncilList.All.Select(c => c.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(CouncilList.All.Count, CouncilList.All.Select(c => c.LaNumber).Distinct(StringComparer.Ordinal).Count());
    }
}
