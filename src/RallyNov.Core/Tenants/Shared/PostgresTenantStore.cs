using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using RallyNov.Core.Cluster;
using RallyNov.Core.Data.Postgres;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tenants.Shared;

/// <summary>
/// The tenants of a PostgreSQL installation, in the shared <c>rallynov_shared.tenants</c> table, so
/// that every node serves the same sites. Writers serialize on a transaction advisory lock and re-read
/// the table inside it (nobody overwrites a change they have not seen); after a change the node tells
/// the others on the change bus and they reload at once. <see cref="ReloadAsync"/> (polled by
/// <see cref="TenantStoreWatcher"/>) costs one aggregate query and catches what the bus missed.
/// On first start an existing tenants.json is imported, then renamed tenants.json.imported.
/// </summary>
internal sealed class PostgresTenantStore : ITenantStore, IDisposable
{
    private const string RevisionSequence = "tenant_revisions";

    private readonly DbContextOptions<PostgresTenantsDbContext> _dbOptions;
    private readonly string _connectionString;
    private readonly IChangeBus _bus;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile IReadOnlyList<TenantSettings> _tenants = [];
    private Stamp _stamp;
    private Stamp _rejectedStamp;
    private DateTime _lastOutageLog;

    public PostgresTenantStore(IOptions<RallyNovOptions> options, IHostEnvironment environment, IChangeBus bus, ILogger<PostgresTenantStore> logger)
    {
        _bus = bus;
        _logger = logger;
        DataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));
        _connectionString = options.Value.Database.ConnectionString is { Length: > 0 } shared
            ? new NpgsqlConnectionStringBuilder(shared) { SearchPath = null }.ToString()
            : throw new InvalidOperationException("RallyNov:Database:ConnectionString est requis pour PostgreSQL.");
        _dbOptions = PostgresTenantsDbContext.OptionsFor(_connectionString);

        // Synchronous on purpose: nothing in the host may run before the tenant list is known.
        // PostgreSQL away at start: the node starts anyway, answers 503 and reads the list once it answers.
        try
        {
            var records = PrepareAndRead();
            (_tenants, _stamp) = (records.Select(Deserialize).ToList(), Stamp.Of(records));
            FileExists = records.Count > 0;
            _available = true;
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            _lastOutageLog = DateTime.UtcNow;
            _logger.LogError(ex, "PostgreSQL does not answer at start: every site answers 503 and /health \"Degraded\" until it does; retrying in the background.");
        }
    }

    /// <summary>False until the tenants table could be read once (PostgreSQL unreachable at start).</summary>
    public bool Available => _available;

    private volatile bool _available;

    public event EventHandler<TenantsChangedEventArgs>? Changed;

    public IReadOnlyList<TenantSettings> All => _tenants;

    /// <summary>True once the table holds tenants (the equivalent of tenants.json existing).</summary>
    public bool FileExists { get; private set; }

    public string DataPath { get; }

    private string JsonFile => Path.Combine(DataPath, "tenants.json");

    public TenantSettings? Find(string name) =>
        _tenants.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public TenantPaths PathsFor(string tenantName) => new(DataPath, tenantName);

    public Task SaveAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        MutateAsync(list => TenantListEdit.Upsert(list, tenant, mustBeNew: false), cancellationToken);

    public Task AddAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        MutateAsync(list => TenantListEdit.Upsert(list, tenant, mustBeNew: true), cancellationToken);

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        var removed = false;
        await MutateAsync(list => removed = list.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)) > 0, cancellationToken);
        return removed;
    }

    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        if (!_available)
        {
            return await FirstLoadAsync(cancellationToken);
        }

        Stamp stamp;
        try
        {
            stamp = await ReadStampAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // The database is away: keep the tenants we know; say so now and then, not twice a second.
            var now = DateTime.UtcNow;
            if (now - _lastOutageLog > TimeSpan.FromSeconds(30))
            {
                _lastOutageLog = now;
                _logger.LogWarning(ex, "The tenants table cannot be read; the tenants already loaded stay in effect.");
            }

            return false;
        }

        if (stamp == _stamp || stamp == _rejectedStamp)
        {
            return false;
        }

        IReadOnlyList<TenantChange> changes;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = new PostgresTenantsDbContext(_dbOptions);
            var records = await db.Tenants.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(cancellationToken);
            stamp = Stamp.Of(records);
            if (stamp == _stamp)
            {
                return false;
            }

            List<TenantSettings> loaded;
            try
            {
                loaded = records.Select(Deserialize).ToList();
                var errors = TenantValidator.ValidateAll(loaded);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException(string.Join(" ", errors));
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException)
            {
                // A hand edit of the table gone wrong: keep serving the last good list, say why once.
                _rejectedStamp = stamp;
                _logger.LogError(ex, "The tenants table was changed but cannot be used; the previous tenants stay in effect.");
                return false;
            }

            changes = Replace(loaded, stamp);
        }
        finally
        {
            _writeLock.Release();
        }

        Raise(changes, announce: false);
        return changes.Count > 0;
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>The start-up read, retried by the watcher while PostgreSQL was away: every tenant is then "added".</summary>
    private async Task<bool> FirstLoadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<TenantChange> changes;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_available)
            {
                return false;
            }

            List<TenantRecord> records;
            try
            {
                records = await Task.Run(PrepareAndRead, cancellationToken);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                var now = DateTime.UtcNow;
                if (now - _lastOutageLog > TimeSpan.FromSeconds(30))
                {
                    _lastOutageLog = now;
                    _logger.LogWarning(ex, "PostgreSQL still does not answer; the sites stay closed (503).");
                }

                return false;
            }

            changes = Replace(records.Select(Deserialize).ToList(), Stamp.Of(records));
            FileExists = records.Count > 0;
            _available = true;
            _logger.LogWarning("PostgreSQL answers again: {Count} sites are starting.", records.Count);
        }
        finally
        {
            _writeLock.Release();
        }

        Raise(changes, announce: false);
        return true;
    }

    private List<TenantRecord> PrepareAndRead()
    {
        PrepareTable();
        return Read();
    }

    private static bool IsUnreachable(Exception ex) => ex is NpgsqlException or TimeoutException
        || ex.InnerException is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException
        || ex is InvalidOperationException { InnerException: NpgsqlException };

    /// <summary>Read the table afresh, change the list, write the differences: one transaction under the writers' lock.</summary>
    private async Task MutateAsync(Func<List<TenantSettings>, bool> change, CancellationToken cancellationToken)
    {
        IReadOnlyList<TenantChange> changes;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = new PostgresTenantsDbContext(_dbOptions);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [WriteLockKey], cancellationToken);
            var records = await db.Tenants.OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(cancellationToken);
            var list = records.Select(Deserialize).ToList();
            if (!change(list))
            {
                changes = Replace(list, Stamp.Of(records));
            }
            else
            {
                var revision = await NextRevisionAsync(db, cancellationToken);
                Write(db, records, list, revision);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changes = Replace(list, Stamp.Of(await db.Tenants.AsNoTracking().ToListAsync(cancellationToken)));
            }
        }
        finally
        {
            _writeLock.Release();
        }

        Raise(changes, announce: true);
    }

    /// <summary>Adds, updates and deletes rows so that the table holds <paramref name="list"/>, in its order.</summary>
    private static void Write(PostgresTenantsDbContext db, List<TenantRecord> records, List<TenantSettings> list, long revision)
    {
        var byName = records.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var now = DateTime.UtcNow;
        for (var position = 0; position < list.Count; position++)
        {
            var settings = Serialize(list[position]);
            if (!byName.Remove(list[position].Name, out var record))
            {
                db.Tenants.Add(new TenantRecord { Name = list[position].Name, Position = position, Settings = settings, Revision = revision, UpdatedUtc = now });
            }
            else if (record.Position != position || !TenantSettings.SameValues(Deserialize(record), list[position]))
            {
                record.Position = position;
                record.Settings = settings;
                record.Revision = revision;
                record.UpdatedUtc = now;
            }
        }

        db.Tenants.RemoveRange(byName.Values);
    }

    private IReadOnlyList<TenantChange> Replace(List<TenantSettings> list, Stamp stamp)
    {
        var changes = TenantChange.Diff(_tenants, list);
        _tenants = list;
        _stamp = stamp;
        FileExists = FileExists || list.Count > 0;
        return changes;
    }

    private void Raise(IReadOnlyList<TenantChange> changes, bool announce)
    {
        if (changes.Count == 0)
        {
            return;
        }

        Changed?.Invoke(this, new TenantsChangedEventArgs(changes));
        if (announce)
        {
            // The other nodes reload now rather than at their next poll.
            _bus.Publish(new ChangeNotice(ChangeKinds.TenantsChanged));
        }
    }

    /// <summary>
    /// Creates or updates the shared schema, then imports tenants.json when the table is empty: under
    /// a session advisory lock, so that nodes starting together migrate and import once.
    /// </summary>
    private void PrepareTable()
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        connection.Open();
        using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            lockCommand.ExecuteNonQuery();
        }

        using var db = new PostgresTenantsDbContext(_dbOptions);
        db.Database.Migrate();
        if (!File.Exists(JsonFile))
        {
            return;
        }

        if (!db.Tenants.Any())
        {
            var imported = JsonTenantStore.Load(JsonFile);
            var revision = db.Database.SqlQueryRaw<long>($"SELECT nextval('{PostgresTenantsDbContext.Schema}.{RevisionSequence}') AS \"Value\"").AsEnumerable().First();
            Write(db, [], imported, revision);
            db.SaveChanges();
            _logger.LogWarning("Imported {Count} tenants from {File} into the PostgreSQL table {Schema}.tenants; the file is now {File}.imported and no longer read.", imported.Count, JsonFile, PostgresTenantsDbContext.Schema, JsonFile);
        }
        else
        {
            _logger.LogWarning("{File} is ignored: with PostgreSQL the tenants live in the table {Schema}.tenants. It is renamed {File}.imported.", JsonFile, PostgresTenantsDbContext.Schema, JsonFile);
        }

        // Out of the way, but kept: an operator editing it would otherwise wonder why nothing changes.
        File.Move(JsonFile, JsonFile + ".imported", overwrite: true);
    }

    private List<TenantRecord> Read()
    {
        using var db = new PostgresTenantsDbContext(_dbOptions);
        return db.Tenants.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name).ToList();
    }

    private async Task<Stamp> ReadStampAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*), coalesce(max(revision), 0) FROM {PostgresTenantsDbContext.Schema}.tenants", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Stamp(reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<long> NextRevisionAsync(PostgresTenantsDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>($"SELECT nextval('{PostgresTenantsDbContext.Schema}.{RevisionSequence}') AS \"Value\"").FirstAsync(cancellationToken);

    private static long WriteLockKey => PostgresAdvisoryLock.KeyOf("rallynov:tenants-write");

    private static long MigrationLockKey => PostgresAdvisoryLock.KeyOf("rallynov:tenants-migrate");

    private static string Serialize(TenantSettings tenant) => JsonSerializer.Serialize(tenant, JsonTenantStore.JsonOptions);

    private static TenantSettings Deserialize(TenantRecord record) =>
        JsonSerializer.Deserialize<TenantSettings>(record.Settings, JsonTenantStore.JsonOptions)
        ?? throw new InvalidOperationException($"Les réglages du site « {record.Name} » sont vides dans la table des sites.");

    /// <summary>
    /// Row count and highest revision. Revisions come from a sequence, so they only grow: any add or
    /// update raises the maximum, any removal alone lowers the count.
    /// </summary>
    private readonly record struct Stamp(long Count, long Revision)
    {
        public static Stamp Of(IReadOnlyCollection<TenantRecord> records) =>
            new(records.Count, records.Count == 0 ? 0 : records.Max(r => r.Revision));
    }
}
