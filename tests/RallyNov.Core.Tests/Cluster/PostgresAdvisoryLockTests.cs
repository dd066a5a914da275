using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using RallyNov.Core.Cluster;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tests.Cluster;

/// <summary>
/// The cluster lock on PostgreSQL: one holder at a time, free again on release, and freed by the
/// server when the holder's connection dies (a killed node). Needs the throwaway PostgreSQL of
/// ./test.sh (RALLYNOV_TEST_POSTGRES); reported as skipped without it.
/// </summary>
public sealed class PostgresAdvisoryLockTests
{
    private const string Variable = "RALLYNOV_TEST_POSTGRES";

    [PostgresFact]
    public async Task One_holder_at_a_time_then_free_after_release()
    {
        var locks = NewLock();
        var name = "test-" + Guid.NewGuid().ToString("N");

        var first = await locks.TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await locks.TryAcquireAsync(name, CancellationToken.None));
        Assert.Null(await locks.AcquireAsync(name, TimeSpan.FromMilliseconds(300), CancellationToken.None));
        await using (var other = await locks.TryAcquireAsync(name + "-other", CancellationToken.None))
        {
            Assert.NotNull(other); // another name is another lock
        }

        await first!.DisposeAsync();
        await using var second = await locks.TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(second);
    }

    [PostgresFact]
    public async Task A_holder_whose_connection_dies_loses_the_lock()
    {
        var locks = NewLock();
        var name = "test-" + Guid.NewGuid().ToString("N");
        var held = await locks.TryAcquireAsync(name, CancellationToken.None);
        Assert.NotNull(held);

        // As when the node holding it is killed: the server ends its session.
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable)))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = (@key & 4294967295)::oid AND classid = ((@key >> 32) & 4294967295)::oid", admin);
            kill.Parameters.AddWithValue("key", PostgresAdvisoryLock.KeyOf("rallynov:" + name));
            await kill.ExecuteNonQueryAsync();
        }

        await using var taken = await locks.AcquireAsync(name, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(taken);
        await held!.DisposeAsync(); // releasing a dead holder is harmless
    }

    private static PostgresAdvisoryLock NewLock() => new(
        Options.Create(new RallyNovOptions { Database = new DatabaseOptions { Provider = DatabaseProviders.Postgres, ConnectionString = Environment.GetEnvironmentVariable(Variable) } }),
        NullLogger<PostgresAdvisoryLock>.Instance);

    private sealed class PostgresFactAttribute : FactAttribute
    {
        public PostgresFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            {
                Skip = $"{Variable} is not set: these tests need the throwaway PostgreSQL that ./test.sh starts.";
            }
        }
    }
}
