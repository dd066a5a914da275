using System.Globalization;

namespace RallyNov.Search.Lucene.Indexing;

/// <summary>
/// On PostgreSQL an IndexingTasks id is handed out when the row is inserted, but transactions
/// commit in any order: the indexer may read task 101 while task 100 is still uncommitted, and move
/// its cursor past 100 for good. The ids the cursor jumped over are kept here and looked for again
/// at each pass until they show up (a late commit: applied then) or <see cref="Lifetime"/> passes
/// (a rolled-back transaction, whose id never comes). Saved with the cursor in each commit of the
/// index (<see cref="Serialize"/>), so a node restarted mid-gap looks for them again.
/// </summary>
internal sealed class LogGaps
{
    /// <summary>Longer than any transaction that writes tasks (a recipe, an import).</summary>
    internal static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A jump larger than this is not a race between transactions but a log put back in time or pruned.</summary>
    private const int MaxTracked = 1000;

    private readonly Dictionary<long, DateTime> _missing = [];
    private readonly Lock _lock = new();

    /// <summary>The ids still expected; forgets those older than <see cref="Lifetime"/>.</summary>
    public long[] Waiting(DateTime now)
    {
        lock (_lock)
        {
            foreach (var (id, since) in _missing.ToList())
            {
                if (now - since > Lifetime)
                {
                    _missing.Remove(id);
                }
            }

            return [.. _missing.Keys];
        }
    }

    /// <summary>The cursor went from <paramref name="cursor"/> over <paramref name="applied"/> (ascending): remembers the ids skipped.</summary>
    public void Passed(long cursor, IEnumerable<long> applied, DateTime now)
    {
        lock (_lock)
        {
            var expected = cursor + 1;
            foreach (var id in applied)
            {
                for (var missing = expected; missing < id && id - expected <= MaxTracked && _missing.Count < MaxTracked; missing++)
                {
                    _missing.TryAdd(missing, now);
                }

                expected = id + 1;
            }
        }
    }

    /// <summary>"id:ticks,id:ticks..." (ticks: when the gap was seen, UTC), for the index's commit data.</summary>
    public string Serialize()
    {
        lock (_lock)
        {
            return string.Join(',', _missing.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{p.Value.Ticks}")));
        }
    }

    /// <summary>Replaces the gaps with <paramref name="saved"/> (<see cref="Serialize"/>); unreadable entries are skipped.</summary>
    public void Restore(string? saved)
    {
        lock (_lock)
        {
            _missing.Clear();
            foreach (var entry in (saved ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && _missing.Count < MaxTracked
                    && long.TryParse(entry.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && long.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    && ticks <= DateTime.MaxValue.Ticks)
                {
                    _missing[id] = new DateTime(ticks, DateTimeKind.Utc);
                }
            }
        }
    }

    /// <summary>These late tasks were applied.</summary>
    public void Found(IEnumerable<long> ids)
    {
        lock (_lock)
        {
            foreach (var id in ids)
            {
                _missing.Remove(id);
            }
        }
    }
}
