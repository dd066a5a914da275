using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Recipes;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;

namespace RallyNov.Tenants.Packages;

internal sealed class TenantPackages(
    ITenantStore store,
    ITenantScopeFactory scopes,
    TenantManager manager,
    TenantAudit audit,
    ModuleCatalog catalog,
    TimeProvider clock) : ITenantPackages
{
    public const string ManifestEntry = "site.json";
    public const string RecipeEntry = "recipe.json";
    public const string Format = "rallynov-site";

    /// <summary>Largest file read from a package (a media upload is smaller still): a zip bomb stops here.</summary>
    public const long MaxEntryBytes = 256L * 1024 * 1024;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // People read these files: keep accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task ExportAsync(string name, Stream destination, string? actor, CancellationToken cancellationToken)
    {
        var tenant = store.Find(name) ?? throw new TenantManagementException($"Site inconnu : « {name} ».");
        if (tenant.State == TenantState.Uninitialized)
        {
            throw new TenantManagementException($"Le site « {tenant.Name} » est en cours d'installation : il n'y a rien à exporter.");
        }

        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        await using (var scope = scopes.CreateScope(tenant))
        {
            var services = scope.ServiceProvider;
            services.GetRequiredService<RecipeAttachments>().Sink = new ZipSink(archive);
            var recipe = await services.GetRequiredService<IRecipeExporter>().ExportAsync(cancellationToken);
            await WriteJsonAsync(archive, RecipeEntry, recipe, cancellationToken);
        }

        var manifest = new JsonObject
        {
            ["format"] = Format,
            ["version"] = 1,
            ["name"] = tenant.Name,
            ["displayName"] = tenant.DisplayName,
            ["exportedUtc"] = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["enabledModules"] = tenant.EnabledModules is null ? null : new JsonArray([.. tenant.EnabledModules.Select(m => (JsonNode)m)]),
        };
        await WriteJsonAsync(archive, ManifestEntry, manifest, cancellationToken);
        await audit.RecordAsync(AuditActions.TenantExported, tenant, actor, null, cancellationToken);
    }

    public TenantPackageInfo Inspect(Stream package)
    {
        using var archive = OpenArchive(package);
        var manifest = ReadJson(archive, ManifestEntry, required: false);
        if (manifest is not null && manifest["format"]?.GetValue<string>() != Format)
        {
            throw NotAPackage();
        }

        _ = ReadJson(archive, RecipeEntry, required: true);
        return new TenantPackageInfo(
            manifest?["name"]?.GetValue<string>() ?? "",
            manifest?["displayName"]?.GetValue<string>() ?? "",
            DateTime.TryParse(manifest?["exportedUtc"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var exported) ? exported : null,
            (manifest?["enabledModules"] as JsonArray)?.Select(n => n?.GetValue<string>()).OfType<string>().ToList(),
            archive.Entries.Count(e => e.FullName.StartsWith("media/", StringComparison.Ordinal) && e.Name.Length > 0));
    }

    public async Task<TenantSettings> ImportAsync(TenantCreateRequest request, Stream package, string? actor, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken)
    {
        var info = Inspect(package);
        package.Position = 0;
        using var archive = OpenArchive(package);
        var recipe = ReadJson(archive, RecipeEntry, required: true)!;
        var administrator = request.UsesSetupAdministrator ? null : request.AdminUserName?.Trim();
        KeepNewAdministrator(recipe, administrator);

        var tenant = await manager.SetUpAsync(
            request,
            async (services, ct) =>
            {
                services.GetRequiredService<RecipeAttachments>().Source = new ZipSource(archive);
                await services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, $"{RecipeEntry} (paquet du site {info.DisplayName})", ct);
            },
            progress,
            cancellationToken);

        if (info.EnabledModules is not null)
        {
            // The modules the site had, those this host still has.
            var (modules, _) = ModuleSelection.Resolve(catalog, tenant, info.EnabledModules);
            var updated = tenant.Clone();
            updated.EnabledModules = modules;
            await store.SaveAsync(updated, cancellationToken);
            tenant = updated;
        }

        await audit.RecordAsync(AuditActions.TenantImported, tenant, actor, $"Adresse : {TenantDescriptions.Address(tenant)} ; depuis l'export de « {info.DisplayName} » ({info.MediaFiles} médias)", cancellationToken);
        return tenant;
    }

    /// <summary>The administrator typed in the form is the one who signs in: the package's account of the same name is not imported over it.</summary>
    private static void KeepNewAdministrator(JsonObject recipe, string? administrator)
    {
        if (administrator is null || recipe["steps"] is not JsonArray steps)
        {
            return;
        }

        foreach (var users in steps.OfType<JsonObject>().Where(s => s["name"]?.GetValue<string>() == "users").Select(s => s["users"]).OfType<JsonArray>())
        {
            foreach (var user in users.OfType<JsonObject>().Where(u => string.Equals(u["userName"]?.GetValue<string>(), administrator, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                users.Remove(user);
            }
        }
    }

    private static ZipArchive OpenArchive(Stream package)
    {
        try
        {
            return new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new TenantManagementException("Ce fichier n'est pas une archive .zip lisible.", ex);
        }
    }

    private static JsonObject? ReadJson(ZipArchive archive, string name, bool required)
    {
        var entry = archive.GetEntry(name);
        if (entry is null)
        {
            return required ? throw NotAPackage() : null;
        }

        try
        {
            using var stream = new MemoryStream();
            CopyLimited(entry, stream);
            stream.Position = 0;
            return JsonNode.Parse(stream) as JsonObject ?? throw NotAPackage();
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new TenantManagementException($"Le fichier {name} de l'archive est illisible : {ex.Message}", ex);
        }
    }

    private static TenantManagementException NotAPackage() =>
        new("Ce fichier n'est pas un export de site rally'nov (il doit contenir recipe.json, créé par « Exporter » ou `tenants export`).");

    /// <summary>Copies an entry, refusing one that inflates beyond <see cref="MaxEntryBytes"/> whatever its header claims.</summary>
    private static void CopyLimited(ZipArchiveEntry entry, Stream destination)
    {
        using var source = entry.Open();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > MaxEntryBytes)
            {
                throw new TenantManagementException($"Le fichier {entry.FullName} de l'archive est trop gros.");
            }

            destination.Write(buffer, 0, read);
        }
    }

    private static async Task WriteJsonAsync(ZipArchive archive, string name, JsonObject json, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        await using var stream = entry.Open();
        await JsonSerializer.SerializeAsync(stream, json, Indented, cancellationToken);
    }

    /// <summary>Files of the export go into the archive as they come (media are already compressed).</summary>
    private sealed class ZipSink(ZipArchive archive) : IRecipeFileSink
    {
        public async Task AddAsync(string path, Stream content, CancellationToken cancellationToken)
        {
            var entry = archive.CreateEntry(path, CompressionLevel.NoCompression);
            await using var stream = entry.Open();
            await content.CopyToAsync(stream, cancellationToken);
        }
    }

    /// <summary>
    /// Files of the package by exact entry name: nothing is ever extracted by the name an archive
    /// gives, so "../" entries reach no folder; each copy is bounded.
    /// </summary>
    private sealed class ZipSource(ZipArchive archive) : IRecipeFileSource
    {
        public Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken)
        {
            if (archive.GetEntry(path) is not { } entry)
            {
                return Task.FromResult<Stream?>(null);
            }

            var copy = new MemoryStream();
            CopyLimited(entry, copy);
            copy.Position = 0;
            return Task.FromResult<Stream?>(copy);
        }
    }
}
