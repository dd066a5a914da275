using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RallyNov.Core.Cluster;
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
    private readonly IDistributedLock _clusterLock;
    private readonly IEnumerable<ITenantResetHandler> _resetHandlers;
    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>How long a node starting waits for another node's migration of the same tenant.</summary>
    private static readonly TimeSpan MigrationWait = TimeSpan.FromMinutes(10);

    // Tenants migrated by this process: a change notification or a second start costs nothing.
    private readonly HashSet<string> _started = new(StringComparer.OrdinalIgnoreCase);

    public TenantSetupService(
        ITenantStore store,
        ITenantDatabase database,
        ITenantScopeFactory scopes,
        ITenantAvailability availability,
        IConfiguration configuration,
        IHostEnvironment environment,
        IOptions<RallyNovOptions> options,
        IDistributedLock clusterLock,
        IEnumerable<ITenantResetHandler> resetHandlers,
        ILogger<TenantSetupService> logger)
    {
        _clusterLock = clusterLock;
        _resetHandlers = resetHandlers;
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

        if (!_store.Available)
        {
            // Never seed the defaults over a list that could not be read.
            throw new InvalidOperationException("La base de données ne répond pas : la liste des sites ne peut pas être lue.");
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

    /// <summary>
    /// Migrates a tenant and, when it is uninitialized, sets it up with the configured administrator
    /// and its recipe. Once per tenant and process (a second call returns at once); a tenant another
    /// process is setting up (it holds the setup lock) is left alone.
    /// </summary>
    public async Task StartAsync(string tenantName, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var tenant = _store.Find(tenantName) ?? throw new InvalidOperationException($"Site inconnu : « {tenantName} ».");
            if (tenant.State == TenantState.Disabled || (tenant.State == TenantState.Running && IsStarted(tenant.Name)))
            {
                return;
            }

            DataFolder.RestrictDirectory(_store.PathsFor(tenant.Name).Root);
            if (tenant.State == TenantState.Uninitialized)
            {
                using var claim = FileLock.TryAcquire(_store.PathsFor(tenant.Name).SetupLock);
                if (claim is null)
                {
                    _logger.LogInformation("Tenant {Tenant} is being set up by another process.", tenant.Name);
                    return;
                }

                // The file lock keeps the command line out; this one keeps the other nodes out.
                await using var clusterClaim = await _clusterLock.TryAcquireAsync(DistributedLocks.TenantSetup(tenant.Name), cancellationToken);
                if (clusterClaim is null)
                {
                    _logger.LogInformation("Tenant {Tenant} is being set up by another node.", tenant.Name);
                    return;
                }

                // Read again under the locks: the other process or node may have finished meanwhile.
                await _store.ReloadAsync(cancellationToken);
                tenant = _store.Find(tenantName);
                if (tenant?.State == TenantState.Uninitialized)
                {
                    await SetUpFromRecipeAsync(tenant, cancellationToken);
                    return;
                }

                if (tenant is null || tenant.State != TenantState.Running)
                {
                    return;
                }
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (await _database.CheckAsync(tenant, cancellationToken) is { } outage)
            {
                // Set up once already: a missing or unreadable database is an incident to repair
                // (restore a backup, or `tenants reset`), never a reason to start again empty.
                _availability.Report(tenant, outage);
                throw new TenantUnavailableException(tenant.Name, outage);
            }

            var checkedAt = clock.Elapsed;

            // Once per cluster at a time: the others wait, then find nothing left to do.
            await using (await _clusterLock.AcquireAsync(DistributedLocks.TenantMigration(tenant.Name), MigrationWait, cancellationToken)
                ?? throw new InvalidOperationException($"La mise à jour de la base du site « {tenant.Name} » est en cours sur un autre serveur depuis plus de {MigrationWait.TotalMinutes:0} minutes."))
            {
                await MigrateAsync(tenant, null, cancellationToken);
            }

            // Start-up time is spent here before the server answers: one line per tenant says where.
            _logger.LogInformation(
                "Tenant {Tenant} started in {Elapsed:0} ms (database check {Check:0} ms, migrations {Migrations:0} ms).",
                tenant.Name, clock.Elapsed.TotalMilliseconds, checkedAt.TotalMilliseconds, (clock.Elapsed - checkedAt).TotalMilliseconds);

            lock (_started)
            {
                _started.Add(tenant.Name);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Creates a tenant and sets it up at once, as the tenant admin and `tenants create` do: the
    /// entry is saved Uninitialized (so its name and addresses are taken and it answers « en cours
    /// d'installation »), then its database is created, the setup handlers create the given
    /// administrator, <paramref name="seed"/> fills it (a recipe, an imported package) and it is
    /// marked Running. On any failure everything is undone (entry, database, files) and the error
    /// is rethrown. The caller has validated the request; the store checks names and addresses again.
    /// </summary>
    public async Task CreateAsync(
        TenantSettings tenant,
        TenantSetupContext administrator,
        Func<IServiceProvider, CancellationToken, Task>? seed,
        IProgress<TenantSetupProgress>? progress,
        CancellationToken cancellationToken)
    {
        var paths = _store.PathsFor(tenant.Name);
        var folderExisted = Directory.Exists(paths.Root);
        var claim = FileLock.TryAcquire(paths.SetupLock)
            ?? throw new InvalidOperationException($"Le site « {tenant.Name} » est déjà en cours d'installation.");
        IAsyncDisposable? clusterClaim = null;
        var added = false;
        try
        {
            // Other nodes hear of the new entry at once: they must find its setup taken.
            clusterClaim = await _clusterLock.TryAcquireAsync(DistributedLocks.TenantSetup(tenant.Name), cancellationToken)
                ?? throw new InvalidOperationException($"Le site « {tenant.Name} » est déjà en cours d'installation sur un autre serveur.");

            var entry = tenant.Clone();
            entry.State = TenantState.Uninitialized;
            progress?.Report(new TenantSetupProgress(1, TenantSetupProgress.StepCount, "Réservation du nom et de l'adresse du site"));
            await _store.AddAsync(entry, cancellationToken);
            added = true;

            await MigrateAsync(entry, progress, cancellationToken);
            await SetupAsync(entry, administrator, seed, progress, cancellationToken);
            await MarkRunningAsync(entry.Name, progress, cancellationToken);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Setting up tenant {Tenant} failed; undoing.", tenant.Name);
            if (added)
            {
                await UndoCreateAsync(tenant, folderExisted);
            }
            else if (!folderExisted)
            {
                claim.Dispose();
                TryDeleteFolder(paths.Root);
            }

            throw;
        }
        finally
        {
            claim.Dispose();
            if (clusterClaim is not null)
            {
                await clusterClaim.DisposeAsync();
            }
        }
    }

    /// <summary>Forgets that a tenant was started here (it was removed; a new one may take its name).</summary>
    public void Forget(string tenantName)
    {
        lock (_started)
        {
            _started.Remove(tenantName);
        }

        // An outage belonged to the old database: a tenant set up again under that name starts afresh.
        _availability.Forget(tenantName);
    }

    private bool IsStarted(string tenantName)
    {
        lock (_started)
        {
            return _started.Contains(tenantName);
        }
    }

    private async Task MigrateAsync(TenantSettings tenant, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new TenantSetupProgress(2, TenantSetupProgress.StepCount, "Création de la base de données"));
        await _database.MigrateAsync(tenant, cancellationToken);
        progress?.Report(new TenantSetupProgress(3, TenantSetupProgress.StepCount, "Préparation des modules"));
        await _migrator.MigrateModulesAsync(tenant, cancellationToken);
    }

    /// <summary>
    /// The explicit way back for a tenant whose database is lost: its database and media folder are
    /// put aside (never deleted), its search index removed (rebuilt from the new database), and it is
    /// set up again from its recipe, as on first start. Content made since that recipe is not in the new site.
    /// The setup lock is held throughout, so a running server waits (« en cours d'installation »)
    /// instead of setting the tenant up itself from the Uninitialized state it sees.
    /// </summary>
    /// <returns>Where the old database went, or null when there was none.</returns>
    public async Task<string?> ResetAsync(string tenantName, CancellationToken cancellationToken)
    {
        await EnsureTenantsFileAsync(cancellationToken);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var tenant = _store.Find(tenantName) ?? throw new CommandLineUsageException(
                $"site inconnu « {tenantName} » (sites : {string.Join(", ", _store.All.Select(t => t.Name))}).");
            var paths = _store.PathsFor(tenant.Name);
            using var claim = FileLock.TryAcquire(paths.SetupLock)
                ?? throw new InvalidOperationException($"Le site « {tenant.Name} » est en cours d'installation par un autre processus ; réessayez dans un instant.");
            await using var clusterClaim = await _clusterLock.TryAcquireAsync(DistributedLocks.TenantSetup(tenant.Name), cancellationToken)
                ?? throw new InvalidOperationException($"Le site « {tenant.Name} » est en cours d'installation sur un autre serveur ; réessayez dans un instant.");
            var aside = await _database.MoveAsideAsync(tenant, cancellationToken);
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

            // What modules keep outside the data folder (the shared media root) goes aside too.
            foreach (var handler in _resetHandlers)
            {
                if (await handler.ResetAsync(tenant, cancellationToken) is { } moved)
                {
                    aside = aside is null ? moved : aside + " ; " + moved;
                }
            }

            var reset = tenant.Clone();
            reset.State = TenantState.Uninitialized;
            await _store.SaveAsync(reset, cancellationToken);
            Forget(reset.Name);
            await SetUpFromRecipeAsync(reset, cancellationToken);
            return aside;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>First start of an uninitialized tenant (caller holds its setup lock): the configured administrator, then its recipe.</summary>
    private async Task SetUpFromRecipeAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await MigrateAsync(tenant, null, cancellationToken);
        var recipe = tenant.Recipe;
        await SetupAsync(
            tenant,
            await CreateSetupContextAsync(cancellationToken),
            string.IsNullOrWhiteSpace(recipe) ? null : (sp, ct) => sp.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(FindRecipe(recipe), ct),
            null,
            cancellationToken);
        await MarkRunningAsync(tenant.Name, null, cancellationToken);
    }

    private async Task SetupAsync(
        TenantSettings tenant,
        TenantSetupContext setup,
        Func<IServiceProvider, CancellationToken, Task>? seed,
        IProgress<TenantSetupProgress>? progress,
        CancellationToken cancellationToken)
    {
        _logger.LogInformation("Setting up tenant {Tenant}.", tenant.Name);
        await using var scope = _scopes.CreateScope(tenant);
        var context = scope.ServiceProvider.GetRequiredService<TenantContext>();
        progress?.Report(new TenantSetupProgress(4, TenantSetupProgress.StepCount, $"Création de l'administrateur « {setup.AdminUserName} »"));
        foreach (var handler in scope.ServiceProvider.GetServices<ITenantSetupHandler>())
        {
            await handler.SetupAsync(context, setup, cancellationToken);
        }

        progress?.Report(new TenantSetupProgress(5, TenantSetupProgress.StepCount, "Création des contenus de départ"));
        if (seed is not null)
        {
            await seed(scope.ServiceProvider, cancellationToken);
        }
    }

    private async Task MarkRunningAsync(string name, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new TenantSetupProgress(6, TenantSetupProgress.StepCount, "Mise en service"));
        var running = (_store.Find(name) ?? throw new InvalidOperationException($"Le site « {name} » a été supprimé pendant son installation.")).Clone();
        running.State = TenantState.Running;
        lock (_started)
        {
            _started.Add(name);
        }

        _availability.Forget(name);

        await _store.SaveAsync(running, cancellationToken);
        _logger.LogInformation("Tenant {Tenant} is running.", name);
    }

    /// <summary>Best effort: a failed setup leaves no entry, no database and no folder behind.</summary>
    private async Task UndoCreateAsync(TenantSettings tenant, bool folderExisted)
    {
        Forget(tenant.Name);
        try
        {
            await _store.RemoveAsync(tenant.Name, CancellationToken.None);
            await _database.DeleteAsync(tenant, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Data.Common.DbException or UnauthorizedAccessException)
        {
            _logger.LogError(ex, "Could not undo the failed setup of tenant {Tenant}.", tenant.Name);
        }

        if (!folderExisted)
        {
            TryDeleteFolder(_store.PathsFor(tenant.Name).Root);
        }
    }

    private void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not delete {Folder}.", folder);
        }
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
