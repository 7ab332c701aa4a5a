using Lodestar.Domain.Benchmarks;

namespace Lodestar.Domain.Tests.Benchmarks;

public sealed class BenchmarkValueTests
{
    [Theory]
    [InlineData("c")]
    [InlineData("x")]
    [InlineData("z")]
    [InlineData("k")]
    [InlineData("u")]
    [InlineData("low")]
    public void Suppressed_DfeMarker_KeepsTheMarkerAndHasNoNumber(string marker)
    {
        var value = BenchmarkValue.Suppressed(marker);

        Assert.True(value.IsSuppressed);
        Assert.Null(value.Number);
        Assert.Equal(marker, value.ToString());
    }

    [Fact]
    public void Suppressed_Blank_ReadsAsBlank()
    {
        Assert.Equal("blank", BenchmarkValue.Suppressed("").ToString());
    }

    [Fact]
    public void Suppressed_UnknownMarker_IsMisuse()
    {
        Assert.Throws<ArgumentException>(() => BenchmarkValue.Suppressed("0"));
    }

    [Fact]
    public void Of_Number_IsNotSuppressed()
    {
        var value = BenchmarkValue.Of(22.6m);

        Assert.False(value.IsSuppressed);
        Assert.Equal(22.6m, value.Number);
    }
}
