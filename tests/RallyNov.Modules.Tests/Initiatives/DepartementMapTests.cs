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
}
