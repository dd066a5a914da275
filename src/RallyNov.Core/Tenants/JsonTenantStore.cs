using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tenants;

/// <summary>
/// tenants.json, shared by the web server and the command line: every write re-reads the file under
/// a lock held across processes (tenants.json.lock), so nobody overwrites a change they have not
/// seen; <see cref="ReloadAsync"/> (called twice a second by <see cref="TenantStoreWatcher"/>)
/// picks up what another process wrote.
/// </summary>
internal sealed class JsonTenantStore : ITenantStore, IDisposable
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
        // Operators edit this file by hand: keep "rally'nov Franche-Comté" readable, not "\u0027...\u00E9".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    private readonly string _file;
    private readonly string _lockFile;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ILogger _logger;
    private volatile IReadOnlyList<TenantSettings> _tenants;
    private FileStamp _stamp;
    private FileStamp _rejectedStamp;

    public JsonTenantStore(IOptions<RallyNovOptions> options, IHostEnvironment environment, ILogger<JsonTenantStore>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        DataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));
        _file = Path.Combine(DataPath, "tenants.json");
        _lockFile = _file + ".lock";
        FileExists = File.Exists(_file);
        _stamp = FileStamp.Of(_file);
        _tenants = FileExists ? Load(_file) : [];
    }

    public event EventHandler<TenantsChangedEventArgs>? Changed;

    public IReadOnlyList<TenantSettings> All => _tenants;

    public bool FileExists { get; private set; }

    public string DataPath { get; }

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
        var stamp = FileStamp.Of(_file);
        if (stamp == _stamp || stamp == _rejectedStamp)
        {
            return false;
        }

        await _writeLock.WaitAsync(cancellationToken);
        IReadOnlyList<TenantChange> changes;
        try
        {
            stamp = FileStamp.Of(_file);
            if (stamp == _stamp)
            {
                return false;
            }

            List<TenantSettings> loaded;
            try
            {
                loaded = stamp.Exists ? Load(_file) : [];
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                // A hand edit in progress or a mistake: keep serving the last good list, say why once.
                _rejectedStamp = stamp;
                _logger.LogError(ex, "tenants.json was changed but cannot be used; the previous tenants stay in effect.");
                return false;
            }

            changes = Replace(loaded, stamp);
        }
        finally
        {
            _writeLock.Release();
        }

        Raise(changes);
        return changes.Count > 0;
    }

    public void Dispose() => _writeLock.Dispose();

    /// <summary>Read the file afresh, change it, write it back: all under the cross-process lock.</summary>
    private async Task MutateAsync(Func<List<TenantSettings>, bool> change, CancellationToken cancellationToken)
    {
        IReadOnlyList<TenantChange> changes;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(DataPath);
            using (await FileLock.AcquireAsync(_lockFile, LockTimeout, cancellationToken))
            {
                var list = File.Exists(_file) ? Load(_file) : [];
                if (!change(list))
                {
                    changes = Replace(list, FileStamp.Of(_file));
                }
                else
                {
                    var temp = _file + ".tmp";
                    await using (var stream = File.Create(temp))
                    {
                        await JsonSerializer.SerializeAsync(stream, new TenantsFile { Tenants = list }, JsonOptions, cancellationToken);
                    }

                    // Replace in one step so a crash never leaves a half-written tenants.json.
                    File.Move(temp, _file, overwrite: true);
                    changes = Replace(list, FileStamp.Of(_file));
                }
            }
        }
        finally
        {
            _writeLock.Release();
        }

        Raise(changes);
    }

    private IReadOnlyList<TenantChange> Replace(List<TenantSettings> list, FileStamp stamp)
    {
        var changes = TenantChange.Diff(_tenants, list);
        _tenants = list;
        _stamp = stamp;
        FileExists = stamp.Exists || FileExists;
        return changes;
    }

    private void Raise(IReadOnlyList<TenantChange> changes)
    {
        if (changes.Count > 0)
        {
            Changed?.Invoke(this, new TenantsChangedEventArgs(changes));
        }
    }

    /// <summary>Reads and validates a tenants.json (also used to import it into PostgreSQL).</summary>
    internal static List<TenantSettings> Load(string file)
    {
        try
        {
            var json = File.ReadAllText(file);
            var parsed = JsonSerializer.Deserialize<TenantsFile>(json, JsonOptions) ?? new TenantsFile();
            var errors = TenantValidator.ValidateAll(parsed.Tenants);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Le fichier {file} est invalide : {string.Join(" ", errors)}");
            }

            return parsed.Tenants;
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Le fichier {file} est invalide : {ex.Message}", ex);
        }
    }

    private sealed class TenantsFile
    {
        public List<TenantSettings> Tenants { get; set; } = [];
    }

    /// <summary>Size and time of the last write: a cheap test for "someone else wrote the file".</summary>
    private readonly record struct FileStamp(bool Exists, long Length, long WriteTicks)
    {
        public static FileStamp Of(string file)
        {
            var info = new FileInfo(file);
            return info.Exists ? new FileStamp(true, info.Length, info.LastWriteTimeUtc.Ticks) : default;
        }
    }
}
