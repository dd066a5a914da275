using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Auditing;
using RallyNov.Core.Data;
using RallyNov.Core.Hosting;
using RallyNov.Core.Modules;
using RallyNov.Core.Recipes;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Management;

internal sealed class TenantManager(
    ITenantStore store,
    ITenantDatabase database,
    TenantSetupService setup,
    TenantRequestValidator validator,
    TenantAudit audit,
    ModuleCatalog catalog,
    ILogger<TenantManager> logger) : ITenantManager
{
    public Task<TenantValidation> ValidateCreateAsync(TenantCreateRequest request, CancellationToken cancellationToken) =>
        validator.ValidateCreateAsync(request, cancellationToken);

    public async Task<TenantSettings> CreateAsync(TenantCreateRequest request, string? actor, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken)
    {
        var recipe = TenantRecipes.FileOf(request.Recipe);
        var tenant = await SetUpAsync(
            request,
            recipe is null ? null : (services, ct) => services.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(setup.FindRecipe(recipe), ct),
            progress,
            cancellationToken);
        var label = TenantRecipes.All.First(r => string.Equals(r.Key, request.Recipe, StringComparison.OrdinalIgnoreCase)).Label;
        await audit.RecordAsync(AuditActions.TenantCreated, tenant, actor, $"Adresse : {TenantDescriptions.Address(tenant)} ; recette : {label}", cancellationToken);
        return tenant;
    }

    /// <summary>Validates, then creates the site with <paramref name="seed"/> as its content (shared with imports).</summary>
    internal async Task<TenantSettings> SetUpAsync(
        TenantCreateRequest request,
        Func<IServiceProvider, CancellationToken, Task>? seed,
        IProgress<TenantSetupProgress>? progress,
        CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateCreateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            throw validation.ToException($"Le site « {request.Name} » n'a pas été créé :");
        }

        var tenant = TenantRequestValidator.ToSettings(request);
        var administrator = request.UsesSetupAdministrator
            ? await setup.CreateSetupContextAsync(cancellationToken)
            : new TenantSetupContext { AdminUserName = request.AdminUserName!.Trim(), AdminEmail = request.AdminEmail!.Trim(), AdminPassword = request.AdminPassword! };
        try
        {
            await setup.CreateAsync(tenant, administrator, seed, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or RecipeException or IOException or System.Data.Common.DbException)
        {
            throw new TenantManagementException($"L'installation du site « {tenant.Name} » a échoué et a été annulée : {ex.Message}", ex);
        }

        return store.Find(tenant.Name) ?? tenant;
    }

    public async Task<TenantValidation> UpdateAsync(string name, TenantUpdateRequest request, string? actor, CancellationToken cancellationToken)
    {
        var current = Require(name);
        var validation = validator.ValidateUpdate(current, request);
        if (!validation.IsValid)
        {
            return validation;
        }

        var updated = current.Clone();
        updated.DisplayName = request.DisplayName.Trim();
        updated.UrlPrefix = TenantResolver.NormalizePrefix(request.UrlPrefix);
        updated.Hosts = [.. request.Hosts.Select(TenantValidator.NormalizeHost).Distinct(StringComparer.Ordinal)];
        if (request.Modules is not null)
        {
            var (modules, notes) = ModuleSelection.Resolve(catalog, current, request.Modules);
            updated.EnabledModules = modules;
            validation.Notes.AddRange(notes);
        }

        var changes = TenantDescriptions.Changes(catalog, current, updated);
        if (changes.Count == 0)
        {
            return validation;
        }

        await store.SaveAsync(updated, cancellationToken);
        await audit.RecordAsync(AuditActions.TenantUpdated, updated, actor, string.Join(" ; ", changes), cancellationToken);
        return validation;
    }

    public async Task DisableAsync(string name, string? actor, CancellationToken cancellationToken)
    {
        var tenant = Require(name);
        if (tenant.IsDefault)
        {
            throw new TenantManagementException("Le portail ne peut pas être désactivé : la gestion des sites s'y trouve.");
        }

        if (tenant.State != TenantState.Running)
        {
            throw new TenantManagementException(tenant.State == TenantState.Disabled
                ? $"Le site « {tenant.Name} » est déjà désactivé."
                : $"Le site « {tenant.Name} » est en cours d'installation.");
        }

        var disabled = tenant.Clone();
        disabled.State = TenantState.Disabled;
        await store.SaveAsync(disabled, cancellationToken);
        await audit.RecordAsync(AuditActions.TenantDisabled, disabled, actor, null, cancellationToken);
    }

    public async Task EnableAsync(string name, string? actor, CancellationToken cancellationToken)
    {
        var tenant = Require(name);
        if (tenant.State != TenantState.Disabled)
        {
            throw new TenantManagementException(tenant.State == TenantState.Running
                ? $"Le site « {tenant.Name} » est déjà en service."
                : $"Le site « {tenant.Name} » est en cours d'installation.");
        }

        var enabled = tenant.Clone();
        enabled.State = TenantState.Running;
        await store.SaveAsync(enabled, cancellationToken);

        // A site disabled during an upgrade missed the start-up migration: done now (once per process).
        await setup.StartAsync(enabled.Name, cancellationToken);
        await audit.RecordAsync(AuditActions.TenantEnabled, enabled, actor, null, cancellationToken);
    }

    public async Task RemoveAsync(string name, string confirmation, string? actor, CancellationToken cancellationToken)
    {
        var tenant = Require(name);
        if (tenant.IsDefault)
        {
            throw new TenantManagementException("Le portail ne peut jamais être supprimé.");
        }

        if (tenant.State != TenantState.Disabled)
        {
            throw new TenantManagementException($"Désactivez d'abord le site « {tenant.Name} » : seul un site désactivé peut être supprimé.");
        }

        if (!string.Equals(confirmation?.Trim(), tenant.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new TenantManagementException(
                $"Pour confirmer, tapez exactement le nom du site, « {tenant.Name} ».",
                [new TenantValidationError("Confirmation", $"Tapez « {tenant.Name} » pour confirmer la suppression.")]);
        }

        if (store.All.FirstOrDefault(t => !string.Equals(t.Name, tenant.Name, StringComparison.OrdinalIgnoreCase) && SharesDatabase(t, tenant)) is { } other)
        {
            throw new TenantManagementException($"La base de données de « {tenant.Name} » est aussi celle de « {other.Name} » : elle ne peut pas être supprimée d'ici.");
        }

        // Data first, entry last: if a deletion fails, the site is still listed (disabled) and the
        // removal can be tried again; nothing answers on its addresses meanwhile (503).
        await database.DeleteAsync(tenant, cancellationToken);
        await DeleteFolderAsync(store.PathsFor(tenant.Name).Root, cancellationToken);
        await store.RemoveAsync(tenant.Name, cancellationToken);
        setup.Forget(tenant.Name);
        await audit.RecordAsync(AuditActions.TenantRemoved, tenant, actor, $"Adresse : {TenantDescriptions.Address(tenant)} ; base de données, médias, index et réglages supprimés", cancellationToken);
        logger.LogWarning("Tenant {Tenant} removed with all its data.", tenant.Name);
    }

    public IReadOnlyList<string> WhatRemovalDeletes(TenantSettings tenant) =>
    [
        database.ProviderOf(tenant) == DatabaseProviders.Postgres
            ? $"sa base de données (schéma PostgreSQL « {(string.IsNullOrWhiteSpace(tenant.Database.Schema) ? tenant.Name.ToLowerInvariant() : tenant.Database.Schema)} ») : contenus, versions, vocabulaires, comptes, journal d'audit"
            : "sa base de données (fichier content.db) : contenus, versions, vocabulaires, comptes, journal d'audit",
        "ses médias (images et documents téléversés) et leurs copies redimensionnées",
        "son index de recherche",
        "ses réglages et son entrée dans la liste des sites",
    ];

    private TenantSettings Require(string name) =>
        store.Find(name) ?? throw new TenantManagementException($"Site inconnu : « {name} ».");

    private bool SharesDatabase(TenantSettings a, TenantSettings b)
    {
        var provider = database.ProviderOf(a);
        if (provider != database.ProviderOf(b))
        {
            return false;
        }

        if (provider == DatabaseProviders.Sqlite)
        {
            return !string.IsNullOrWhiteSpace(a.Database.ConnectionString) && a.Database.ConnectionString == b.Database.ConnectionString;
        }

        static string Schema(TenantSettings t) => string.IsNullOrWhiteSpace(t.Database.Schema) ? t.Name.ToLowerInvariant() : t.Database.Schema.ToLowerInvariant();
        return Schema(a) == Schema(b) && a.Database.ConnectionString == b.Database.ConnectionString;
    }

    /// <summary>Media, index, variants, lock: the whole Sites/{name} folder; a file still closing gets a few retries.</summary>
    private static async Task DeleteFolderAsync(string folder, CancellationToken cancellationToken)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (UnauthorizedAccessException) when (attempt < 10)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
