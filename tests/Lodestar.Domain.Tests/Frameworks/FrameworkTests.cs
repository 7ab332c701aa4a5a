using Lodestar.Domain.Frameworks;

namespace Lodestar.Domain.Tests.Frameworks;

public sealed class FrameworkTests
{
    [Fact]
    public void Flatten_Tree_GivesNodesDepthFirstWithDepthAndParent()
    {
        var framework = new Framework
        {
            Id = "fw",
            Title = "F",
            Nodes =
            [
                new FrameworkNode
                {
                    Id = "1", Kind = "theme", Title = "One", MeasureIds = ["a"],
                    Children = [new FrameworkNode { Id = "1.1", Kind = "outcome", Title = "One one", MeasureIds = ["b", "a"],
                        Children = [new FrameworkNode { Id = "1.1.1", Kind = "supporting_outcome", Title = "Deep", MeasureIds = ["c"] }] }],
                },
                new FrameworkNode { Id = "2", Kind = "theme", Title = "Two" },
            ],
        };

        Assert.Equal(
            [("1", 0, null), ("1.1", 1, "1"), ("1.1.1", 2, "1.1"), ("2", 0, null)],
            framework.Flatten().Select(p => (p.Node.Id, p.Depth, p.ParentId)));
        Assert.Equal(["a", "b", "c"], framework.ReferencedMeasureIds());
    }

    [Theory]
    [InlineData(MeasureUnit.Count, 0)]
    [InlineData(MeasureUnit.Percent, 1)]
    [InlineData(MeasureUnit.Days, 1)]
    public void DecimalPlaces_NotGiven_IsZeroForCountsAndOneOtherwise(MeasureUnit unit, int expected)
    {
        Assert.Equal(expected, new Measure { Id = "m", Title = "M", Unit = unit }.DecimalPlaces);
    }
}
