using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Modules.Tests.Search;

/// <summary>
/// PostgreSQL commits IndexingTasks out of id order: an id the cursor jumped over is looked for
/// again until it shows up or is given up as a rollback.
/// </summary>
public sealed class LogGapsTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Ids_the_cursor_jumps_over_are_waited_for_until_found()
    {
        var gaps = new LogGaps();
        gaps.Passed(10, [11, 13, 16], Now);
        Assert.Equal([12, 14, 15], gaps.Waiting(Now).Order());

        gaps.Found([14]);
        Assert.Equal([12, 15], gaps.Waiting(Now).Order());
    }

    [Fact]
    public void A_gap_older_than_any_transaction_is_a_rollback_and_is_forgotten()
    {
        var gaps = new LogGaps();
        gaps.Passed(0, [2], Now);
        Assert.Equal([1], gaps.Waiting(Now + TimeSpan.FromMinutes(1)));
        Assert.Empty(gaps.Waiting(Now + LogGaps.Lifetime + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_contiguous_log_leaves_no_gap_and_a_huge_jump_is_not_tracked_id_by_id()
    {
        var gaps = new LogGaps();
        gaps.Passed(5, [6, 7, 8], Now);
        gaps.Passed(8, [1_000_000], Now);
        Assert.Empty(gaps.Waiting(Now));
    }

    [Fact]
    public void Gaps_survive_a_round_trip_through_the_commit_data_with_their_age()
    {
        var gaps = new LogGaps();
        gaps.Passed(10, [11, 13, 16], Now);
        var restored = new LogGaps();
        restored.Restore(gaps.Serialize());
        Assert.Equal([12, 14, 15], restored.Waiting(Now).Order());
        Assert.Empty(restored.Waiting(Now + LogGaps.Lifetime + TimeSpan.FromSeconds(1)));

        restored.Restore("12:abc,,x:1,99");
        Assert.Empty(restored.Waiting(Now));
    }

    [Fact]
    public async Task Gaps_are_saved_in_the_index_commit_so_a_restarted_node_looks_for_them_again()
    {
        var path = Path.Combine(Path.GetTempPath(), "rallynov-gaps-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = TenantSearchIndex.Open(path, out _))
            {
                index.Gaps.Passed(0, [1, 2, 5], DateTime.UtcNow);
                await index.ApplyAsync([], [], 5, CancellationToken.None);
            }

            using var reopened = TenantSearchIndex.Open(path, out _);
            Assert.Equal(5, reopened.Cursor);
            Assert.Equal([3, 4], reopened.Gaps.Waiting(DateTime.UtcNow).Order());
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
