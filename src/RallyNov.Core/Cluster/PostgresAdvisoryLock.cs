using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Cluster;

/// <summary>
/// A session advisory lock of the shared PostgreSQL database (pg_try_advisory_lock), held on a
/// connection of its own for as long as the holder works. The server releases it when that
/// connection ends, so a node killed in the middle never leaves the lock taken; the data the locked
/// work needs lives in the same database, so the lock is there whenever the work can be done.
/// </summary>
internal sealed class PostgresAdvisoryLock(IOptions<RallyNovOptions> options, ILogger<PostgresAdvisoryLock> logger) : IDistributedLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken) =>
        AcquireAsync(name, TimeSpan.Zero, cancellationToken);

    public async Task<IAsyncDisposable?> AcquireAsync(string name, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = KeyOf(options.Value.Redis.KeyPrefix + ":" + name);
        // Not pooled: a pooled connection returned with the lock still held would lend it to someone else.
        var builder = new NpgsqlConnectionStringBuilder(options.Value.Database.ConnectionString
            ?? throw new InvalidOperationException("RallyNov:Database:ConnectionString est requis pour PostgreSQL."))
        {
            Pooling = false,
            SearchPath = null,
            ApplicationName = "rallynov-lock",
        };
        var connection = new NpgsqlConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
                {
                    command.Parameters.AddWithValue("key", key);
                    if (await command.ExecuteScalarAsync(cancellationToken) is true)
                    {
                        return new Holder(connection, key, name, logger);
                    }
                }

                if (DateTime.UtcNow >= deadline)
                {
                    await connection.DisposeAsync();
                    return null;
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A stable 64-bit key for a lock name (advisory locks are numbered, not named).</summary>
    internal static long KeyOf(string name) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private sealed class Holder(NpgsqlConnection connection, long key, string name, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // Closing the connection below releases it anyway.
                logger.LogWarning(ex, "Could not release the lock {Lock} explicitly; closing its connection releases it.", name);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
