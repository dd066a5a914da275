using RallyNov.Contents.Querying;
using Xunit;

namespace RallyNov.Modules.Tests.Contents;

public sealed class BoundedShelfTests
{
    [Fact]
    public void A_full_shelf_starts_over_with_the_entry_asked_next()
    {
        var shelf = new BoundedShelf<string, string?>(3, StringComparer.Ordinal);
        shelf.Keep("a", "A");
        shelf.Keep("b", null); // an unknown slug is kept as "none"
        shelf.Keep("c", "C");

        Assert.True(shelf.TryGet("b", out var none));
        Assert.Null(none);
        Assert.Equal(3, shelf.Count);

        shelf.Keep("d", "D");

        Assert.Equal(1, shelf.Count);
        Assert.True(shelf.TryGet("d", out var d));
        Assert.Equal("D", d);
        Assert.False(shelf.TryGet("a", out _));
    }

    [Fact]
    public void Keeping_a_key_twice_keeps_the_first_answer_and_counts_once()
    {
        var shelf = new BoundedShelf<string, string>(2, StringComparer.Ordinal);
        shelf.Keep("a", "first");
        shelf.Keep("a", "second");
        shelf.Keep("b", "B");

        Assert.Equal(2, shelf.Count);
        Assert.True(shelf.TryGet("a", out var a));
        Assert.Equal("first", a);
    }

    [Fact]
    public async Task Concurrent_visitors_never_grow_the_shelf_far_past_its_capacity()
    {
        var shelf = new BoundedShelf<int, int>(100);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                shelf.Keep((t * 10_000) + i, i);
            }
        })));

        Assert.InRange(shelf.Count, 1, 108); // a few over for an instant: concurrent adds between a clear and the count reset
    }
}
