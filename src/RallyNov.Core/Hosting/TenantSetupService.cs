using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Data;
using RallyNov.Core.Recipes;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Hosting;

/// <summary>
/// Brings tenants up: writes tenants.json on first start (from the "RallyNov:Tenants" defaults
/// of appsettings), migrates each database and sets up uninitialized tenants from their recipe.
/// </summary>
public sealed class TenantSetupService : IDisposable
{
    private readonly ITenantStore _store;
    private readonly ITenantDatabase _database;
    private readonly ITenantScopeFactory _scopes;
    private readonly TenantMigrator _migrator;
    private readonly ITenantAvailability _availability;
    private readonly IConfiguration _configuration;
    private readonly IHostEnvironment _environment;
    private readonly RallyNovOptions _options;
    private readonly ILogger<TenantSetupService> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public TenantSetupService(
        ITenantStore store,
        ITenantDatabase database,
        ITenantScopeFactory scopes,
        ITenantAvailability availability,
        IConfiguration configuration,
        IHostEnvironment environment,
        IOptions<RallyNovOptions> options,
        ILogger<TenantSetupService> logger)
    {
        _store = store;
        _database = database;
        _scopes = scopes;
        _migrator = new TenantMigrator(database, scopes);
        _availability = availability;
        _configuration = configuration;
        _environment = environment;
        _options = options.Value;
        _logger = logger;
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Writes the default tenants when tenants.json does not exist yet.</summary>
    public async Task EnsureTenantsFileAsync(CancellationToken cancellationToken)
    {
        if (_store.FileExists)
        {
            return;
        }

        var defaults = _configuration.GetSection(RallyNovOptions.Section + ":Tenants").Get<List<TenantSettings>>() ?? [];
        if (defaults.Count == 0)
        {
            defaults.Add(new TenantSettings { Name = TenantNames.Default, DisplayName = "rally'nov" });
        }

        foreach (var tenant in defaults)
        {
            tenant.State = TenantState.Uninitialized;
            await _store.SaveAsync(tenant, cancellationToken);
        }
    }

    /// <summary>Migrates every running tenant and sets up the uninitialized ones. Disabled tenants are left alone.</summary>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        await EnsureTenantsFileAsync(cancellationToken);
        DataFolder.RestrictDirectory(_store.DataPath);
        DataFolder.RestrictFile(Path.Combine(_store.DataPath, "tenants.json"));
        foreach (var tenant in _store.All.ToList())
        {
            try
            {
                await StartAsync(tenant.Name, cancellationToken);
            }
            catch (TenantUnavailableException ex)
            {
                // Already recorded: the tenant answers 503 and /health names it.
                _logger.LogError("Tenant {Tenant} stays closed: {Message}", tenant.Name, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken tenant must not keep the others down; /health reports it.
                _logger.LogError(ex, "Tenant {Tenant} could not start.", tenant.Name);
                if (_database.Classify(ex) is { } outage)
                {
                    _availability.Report(tenant, outage);
                }
            }
        }
    }

    /// <summary>
    /// For command-line verbs: the tenant by name, set up and migrated so the verb also works on a
    /// fresh data folder. Unknown name → usage error listing the tenants; disabled → refused.
    /// </summary>
    public async Task<TenantSettings> StartForCommandLineAsync(string name, CancellationToken cancellationToken)
    {
        await EnsureTenantsFileAsync(cancellationToken);
        var tenant = _store.Find(name) ?? throw new CommandLineUsageException(
            $"site inconnu « {name} » (sites : {string.Join(", ", _store.All.Select(t => t.Name))}).");
        if (tenant.State == TenantState.Disabled)
        {
            throw new InvalidOperationException($"Le site « {tenant.Name} » est désactivé.");
        }

        await StartAsync(tenant.Name, cancellationToken);
        return _store.Find(name)!;
    }

    public async Task StartAsync(string tenantName, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var tenant = _store.Find(tenantName) ?? throw new InvalidOperationException($"Site inconnu : « {tenantName} ».");
            if (tenant.State == TenantState.Disabled)
            {
                return;
            }

            DataFolder.RestrictDirectory(_store.PathsFor(tenant.Name).Root);
            if (tenant.State == TenantState.Running && await _database.CheckAsync(tenant, cancellationToken) is { } outage)
            {
                // Set up once already: a missing or unreadable database is an incident to repair
                // (restore a backup, or `tenants reset`), never a reason to start again empty.
                _availability.Report(tenant, outage);
                throw new TenantUnavailableException(tenant.Name, outage);
            }

            await _migrator.MigrateAsync(tenant, cancellationToken);
            if (tenant.State == TenantState.Uninitialized)
            {
                await SetupAsync(tenant, cancellationToken);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// The explicit way back for a tenant whose database is lost: its database and media folder are
    /// put aside (never deleted), its search index removed (rebuilt from the new database), and it is
    /// set up again from its recipe, as on first start. Content made since that recipe is not in the new site.
    /// </summary>
    /// <returns>Where the old database went, or null when there was none.</returns>
    public async Task<string?> ResetAsync(string tenantName, CancellationToken cancellationToken)
    {
        await EnsureTenantsFileAsync(cancellationToken);
        string? aside;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var tenant = _store.Find(tenantName) ?? throw new CommandLineUsageException(
                $"site inconnu « {tenantName} » (sites : {string.Join(", ", _store.All.Select(t => t.Name))}).");
            aside = await _database.MoveAsideAsync(tenant, cancellationToken);
            var paths = _store.PathsFor(tenant.Name);
            if (Directory.Exists(paths.SearchIndex))
            {
                Directory.Delete(paths.SearchIndex, recursive: true);
            }

            // Uploaded files belong with the lost database (their descriptions were in it): kept
            // aside too, so that the recipe's own media start from an empty library.
            if (Directory.Exists(paths.Media) && Directory.EnumerateFileSystemEntries(paths.Media).Any())
            {
                var media = paths.Media + "." + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + ".bak";
                Directory.Move(paths.Media, media);
                aside = aside is null ? media : aside + " ; médias : " + media;
            }

            var reset = tenant.Clone();
            reset.State = TenantState.Uninitialized;
            await _store.SaveAsync(reset, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }

        await StartAsync(tenantName, cancellationToken);
        return aside;
    }

    private async Task SetupAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Setting up tenant {Tenant}.", tenant.Name);
        var setup = await CreateSetupContextAsync(cancellationToken);

        await using (var scope = _scopes.CreateScope(tenant))
        {
            var context = scope.ServiceProvider.GetRequiredService<TenantContext>();
            foreach (var handler in scope.ServiceProvider.GetServices<ITenantSetupHandler>())
            {
                await handler.SetupAsync(context, setup, cancellationToken);
            }

            if (!string.IsNullOrWhiteSpace(tenant.Recipe))
            {
                var executor = scope.ServiceProvider.GetRequiredService<IRecipeExecutor>();
                await executor.ExecuteFileAsync(FindRecipe(tenant.Recipe), cancellationToken);
            }
        }

        var running = tenant.Clone();
        running.State = TenantState.Running;
        await _store.SaveAsync(running, cancellationToken);
        _logger.LogInformation("Tenant {Tenant} is running.", tenant.Name);
    }

    /// <summary>
    /// The administrator of a setup, from RallyNov:Setup:*. Also used by modules that create a
    /// missing administrator in a tenant set up before they existed.
    /// </summary>
    public async Task<TenantSetupContext> CreateSetupContextAsync(CancellationToken cancellationToken) => new()
    {
        AdminUserName = _options.Setup.AdminUserName,
        AdminEmail = _options.Setup.AdminEmail,
        AdminPassword = await AdminPasswordAsync(cancellationToken),
    };

    /// <summary>Recipes ship with the host: content root first (dotnet run), then the build output.</summary>
    public string FindRecipe(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return name;
        }

        var candidates = new[]
        {
            Path.Combine(_environment.ContentRootPath, "Recipes", name),
            Path.Combine(AppContext.BaseDirectory, "Recipes", name),
        };
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }

    /// <summary>
    /// The configured password, or one generated on first need, printed once and kept in
    /// App_Data/initial-admin-password.txt so every tenant of the first start shares it.
    /// </summary>
    private async Task<string> AdminPasswordAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.Setup.AdminPassword))
        {
            return _options.Setup.AdminPassword;
        }

        var file = Path.Combine(_store.DataPath, "initial-admin-password.txt");
        if (File.Exists(file))
        {
            return (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        }

        var password = PasswordGenerator.Generate();
        DataFolder.CreateDirectory(_store.DataPath);
        await File.WriteAllTextAsync(file, password + Environment.NewLine, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Console.WriteLine($"Mot de passe initial de « {_options.Setup.AdminUserName} » : {password} (aussi enregistré dans {file})");
        return password;
    }
}

/// <summary>A set-up tenant whose database is missing or unreadable: it stays closed (503) until repaired.</summary>
public sealed class TenantUnavailableException : InvalidOperationException
{
    public TenantUnavailableException()
    {
    }

    public TenantUnavailableException(string message)
        : base(message)
    {
    }

    public TenantUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TenantUnavailableException(string tenant, TenantOutage outage)
        : base($"Le site « {tenant} » est fermé : {outage.Message} Restaurez sa base depuis une sauvegarde, ou repartez de sa recette avec « tenants reset --tenant {tenant} --confirm {tenant} ».")
    {
        Outage = outage;
    }

    public TenantOutage? Outage { get; }
}

/// <summary>Runs tenant start-up before the server takes requests.</summary>
internal sealed class TenantStartupHostedService(TenantSetupService setup) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => setup.StartAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
