using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Data;
using RallyNov.Core.Data.Sqlite;
using RallyNov.Core.Tests.Support;
using Xunit;

namespace RallyNov.Core.Tests.Data;

public sealed class SqlitePageCacheTests : TenantTestBase
{
    [Fact]
    public async Task Every_connection_of_a_tenant_keeps_a_small_page_cache()
    {
        // Each scope gets a pooled connection; the second one may be the first one again or a new one.
        Assert.Equal(-SqlitePageCache.CacheKibibytes, await CacheSizeAsync());
        Assert.Equal(-SqlitePageCache.CacheKibibytes, await CacheSizeAsync());
    }

    [Fact]
    public async Task A_pooled_connection_first_opened_outside_EF_gets_the_cap_when_EF_reuses_it()
    {
        string connectionString;
        await using (var scope = Host.CreateScope(Tenant))
        {
            connectionString = scope.ServiceProvider.GetRequiredService<RallyNovDbContext>().Database.GetConnectionString()!;
        }

        // A connection opened without EF (as the start-up checks do) goes back to the same pool.
        SqliteConnection.ClearAllPools();
        await using (var raw = new SqliteConnection(connectionString))
        {
            await raw.OpenAsync(Ct);
            Assert.Equal(-2000, await PragmaAsync(raw));
        }

        Assert.Equal(-SqlitePageCache.CacheKibibytes, await CacheSizeAsync());
    }

    private Task<long> CacheSizeAsync() => Host.InTenantAsync(Tenant, async services =>
    {
        var db = services.GetRequiredService<RallyNovDbContext>();
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            return await PragmaAsync((SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static async Task<long> PragmaAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size;";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
