using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RallyNov.Core.Data.Sqlite;

/// <summary>
/// Caps the page cache of every SQLite connection. SQLite keeps up to 2 MB of pages per connection
/// (its default <c>cache_size</c> of -2000) in native memory, and the connection pool keeps every
/// connection a burst of requests opened: at 100 000 items, after the HTTP bench's pages, 18 pooled
/// connections to the territory's database and 11 to the portal's held ≈ 40 MB of the process's
/// native heap, each a copy of the same hot pages. The operating system's page cache already keeps
/// the database file in memory, so a small per-connection cache costs little: the pragma is run once
/// per physical connection (pooled connections keep it), at its first open through EF Core.
/// </summary>
internal sealed class SqlitePageCache : DbConnectionInterceptor
{
    /// <summary>Page cache per connection, in KiB (SQLite's default is 2 000).</summary>
    public const int CacheKibibytes = 512;

    public static readonly SqlitePageCache Instance = new();

    // The native handle of each physical connection already capped; dropped with the handle.
    private static readonly ConditionalWeakTable<object, object> Capped = new();
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsCap(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsCap(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static readonly string Pragma = $"PRAGMA cache_size = -{CacheKibibytes};";

    private static SqliteConnection? NeedsCap(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite)
        {
            return null;
        }

        return Capped.TryAdd(handle, Marker) ? sqlite : null;
    }
}
