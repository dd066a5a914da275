using RallyNov.Contents.Display;

namespace RallyNov.Modules.Tests.Contents;

public sealed class PagerModelTests
{
    private static IReadOnlyList<int> Pages(int page, int count) => new PagerModel(page, count, count * 12, p => "?page=" + p).Pages();

    [Fact]
    public void A_long_list_links_the_first_and_last_pages_and_two_on_each_side_of_the_current_one()
    {
        Assert.Equal([1, 0, 38, 39, 40, 41, 42, 0, 1042], Pages(40, 1042));
        Assert.Equal([1, 2, 3, 0, 1042], Pages(1, 1042));
        Assert.Equal([1, 0, 1040, 1041, 1042], Pages(1042, 1042));
        Assert.Equal([1, 2, 3, 4, 5, 0, 9], Pages(3, 9));
    }

    [Fact]
    public void A_short_list_links_every_page_without_a_gap()
    {
        Assert.Equal([1, 2, 3, 4, 5], Pages(3, 5));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Pages(4, 7));
        Assert.Equal([1], Pages(1, 1));
    }
}
