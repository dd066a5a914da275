using System.Text.RegularExpressions;
using RallyNov.Initiatives.Models;

namespace RallyNov.Modules.Tests.Initiatives;

public sealed class DepartementMapTests
{
    public static readonly TheoryData<string> Codes = new() { "21", "58", "71", "89", "25", "39", "70", "90" };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_departement_of_the_region_has_a_closed_outline_inside_the_box(string code)
    {
        Assert.True(DepartementMap.Knows(code));
        var path = DepartementMap.PathOf(code);
        Assert.Matches(@"^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+)+ Z$", path);
        foreach (Match point in Regex.Matches(path, @"([\d.]+),([\d.]+)"))
        {
            var x = double.Parse(point.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var y = double.Parse(point.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(x, 0, DepartementMap.Width);
            Assert.InRange(y, 0, DepartementMap.Height);
        }
    }

    [Fact]
    public void Geography_is_recognisable_Yonne_west_of_Doubs_and_Belfort_north_east()
    {
        Assert.True(DepartementMap.LabelOf("89").X < DepartementMap.LabelOf("25").X);
        Assert.True(DepartementMap.LabelOf("71").Y > DepartementMap.LabelOf("21").Y);
        Assert.True(DepartementMap.LabelOf("90").X > DepartementMap.LabelOf("70").X);
        Assert.False(DepartementMap.Knows("75"));
    }

    /// <summary>At 100 000 initiatives a département holds « 12655 »: five digits overflowed its shape.</summary>
    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(999, "999")]
    [InlineData(1_000, "1\u202Fk")]
    [InlineData(1_234, "1,2\u202Fk")]
    [InlineData(12_655, "12,7\u202Fk")]
    [InlineData(99_960, "100\u202Fk")]
    [InlineData(127_400, "127\u202Fk")]
    [InlineData(999_499, "999\u202Fk")]
    [InlineData(999_500, "1\u202FM")]
    [InlineData(1_250_000, "1,3\u202FM")]
    public void Large_counts_are_drawn_short_the_French_way(int count, string expected)
    {
        Assert.Equal(expected, DepartementMap.CountLabel(count));
        Assert.True(DepartementMap.CountLabel(count).Length <= 6);
    }
}
