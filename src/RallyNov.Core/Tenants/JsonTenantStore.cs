using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RallyNov.Core.Cluster;
using RallyNov.Core.Hosting;

namespace RallyNov.Core.Tenants;

internal sealed class JsonTenantStore : ITenantStore, IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
        // Operators edit this file by hand: keep "rally'nov Franche-Comté" readable, not "\u0027...\u00E9".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _file;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile IReadOnlyList<TenantSettings> _tenants;

    private readonly IChangeBus _bus;

    public JsonTenantStore(IOptions<RallyNovOptions> options, IHostEnvironment environment, IChangeBus bus)
    {
        _bus = bus;
        DataPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));
        _file = Path.Combine(DataPath, "tenants.json");
        FileExists = File.Exists(_file);
        _tenants = FileExists ? Load(_file) : [];
    }

    public IReadOnlyList<TenantSettings> All => _tenants;

    public bool FileExists { get; private set; }

    public string DataPath { get; }

    public TenantSettings? Find(string name) =>
        _tenants.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public TenantPaths PathsFor(string tenantName) => new(DataPath, tenantName);

    public async Task SaveAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        TenantValidator.ThrowIfInvalid(tenant, _tenants);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var list = _tenants.Select(t => t.Clone()).ToList();
            var index = list.FindIndex(t => string.Equals(t.Name, tenant.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                list[index] = tenant.Clone();
            }
            else
            {
                list.Add(tenant.Clone());
            }

            Directory.CreateDirectory(DataPath);
            var temp = _file + ".tmp";
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, new TenantsFile { Tenants = list }, JsonOptions, cancellationToken);
            }

            // Replace in one step so a crash never leaves a half-written tenants.json.
            File.Move(temp, _file, overwrite: true);
            FileExists = true;
            _tenants = list;
        }
        finally
        {
            _writeLock.Release();
        }

        _bus.Publish(new ChangeNotice(ChangeKinds.Tenants, tenant.Name));
    }

    /// <summary>Reads tenants.json again: another node sharing the data folder saved it.</summary>
    internal async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(_file))
            {
                _tenants = Load(_file);
                FileExists = true;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private static List<TenantSettings> Load(string file)
    {
        try
        {
            var json = File.ReadAllText(file);
            var parsed = JsonSerializer.Deserialize<TenantsFile>(json, JsonOptions) ?? new TenantsFile();
            foreach (var tenant in parsed.Tenants)
            {
                TenantValidator.ThrowIfInvalid(tenant, parsed.Tenants.Where(t => !ReferenceEquals(t, tenant)).ToList());
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
}
