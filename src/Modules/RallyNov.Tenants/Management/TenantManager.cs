using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RallyNov.Core.Accounts;
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
    ITenantScopeFactory scopes,
    ModuleCatalog catalog,
    ILogger<TenantManager> logger) : ITenantManager
{
    public Task<TenantValidation> ValidateCreateAsync(TenantCreateRequest request, CancellationToken cancellationToken) =>
        validator.ValidateCreateAsync(request, cancellationToken);

    public async Task<TenantCreated> CreateAsync(TenantCreateRequest request, string? actor, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken)
    {
        var recipe = TenantRecipes.FileOf(request.Recipe);
        InvitationResult? invitation = null;
        var tenant = await SetUpAsync(
            request,
            async (services, ct) =>
            {
                if (recipe is not null)
                {
                    await services.GetRequiredService<IRecipeExecutor>().ExecuteFileAsync(setup.FindRecipe(recipe), ct);
                }

                // Last of the seed, so a failed recipe never leaves an e-mailed link to a site that was undone.
                if (request.InviteAdministrator)
                {
                    invitation = await InviteAdministratorAsync(services, request, ct);
                }
            },
            progress,
            cancellationToken);
        var label = TenantRecipes.All.First(r => string.Equals(r.Key, request.Recipe, StringComparison.OrdinalIgnoreCase)).Label;
        var administrator = invitation is null ? ""
            : invitation.EmailSent ? $" ; administrateur « {invitation.UserName} » invité par e-mail"
            : $" ; administrateur « {invitation.UserName} » invité, lien affiché";
        await audit.RecordAsync(AuditActions.TenantCreated, tenant, actor, $"Adresse : {TenantDescriptions.Address(tenant)} ; recette : {label}{administrator}", cancellationToken);
        return new TenantCreated(tenant, invitation);
    }

    /// <summary>
    /// The users module's invitation, in the new site's scope: the account (Administrator, no
    /// password) and its link, e-mailed when SMTP is configured. A refusal undoes the whole setup.
    /// </summary>
    private static async Task<InvitationResult> InviteAdministratorAsync(IServiceProvider services, TenantCreateRequest request, CancellationToken cancellationToken)
    {
        var invitations = services.GetService<IAccountInvitations>()
            ?? throw new InvalidOperationException("le module Utilisateurs n'est pas disponible : l'administrateur ne peut pas être invité.");
        var http = services.GetRequiredService<IHttpContextAccessor>();
        var previous = http.HttpContext;
        if (previous is null && Uri.TryCreate(request.LinkOrigin, UriKind.Absolute, out var origin))
        {
            // The link must carry the host the portal was reached at (a prefixed site lives there too);
            // this flow is the background job's own, so the stand-in request is seen by nothing else.
            var standIn = new DefaultHttpContext { RequestServices = services };
            standIn.Request.Scheme = origin.Scheme;
            standIn.Request.Host = new HostString(origin.Authority);
            http.HttpContext = standIn;
        }

        try
        {
            var result = await invitations.InviteAsync(
                new AccountInvitation(request.AdminUserName!.Trim(), request.AdminEmail!.Trim(), [AccountInvitation.AdministratorRole]),
                InvitationDelivery.EmailWhenConfigured,
                cancellationToken);
            return result.Succeeded
                ? result
                : throw new InvalidOperationException("l'administrateur n'a pas pu être invité : " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        finally
        {
            http.HttpContext = previous;
        }
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
            : new TenantSetupContext
            {
                AdminUserName = request.AdminUserName!.Trim(),
                AdminEmail = request.AdminEmail!.Trim(),
                AdminPassword = request.InviteAdministrator ? "" : request.AdminPassword ?? "",
                InviteAdministrator = request.InviteAdministrator,
            };
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

    public async Task<InvitationResult> InviteAgainAsync(string name, string userName, string? actor, CancellationToken cancellationToken)
    {
        var tenant = Require(name);
        if (tenant.State != TenantState.Running)
        {
            throw new TenantManagementException($"Le site « {tenant.Name} » n'est pas en service : son administrateur ne peut pas être invité.");
        }

        // The request's host and prefix-free path serve the site's links (TenantLinks uses the site's own prefix).
        await using var scope = scopes.CreateScope(tenant);
        var invitations = scope.ServiceProvider.GetService<IAccountInvitations>()
            ?? throw new TenantManagementException("Le module Utilisateurs n'est pas disponible sur ce site.");
        var result = await invitations.ReissueAsync(userName, InvitationDelivery.EmailWhenConfigured, cancellationToken);
        if (!result.Succeeded)
        {
            throw new TenantManagementException($"Nouvelle invitation impossible : {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        await audit.RecordAsync(AuditActions.TenantUpdated, tenant, actor, $"Nouvelle invitation de l'administrateur « {result.UserName} » ({(result.EmailSent ? "envoyée par e-mail" : "lien affiché")})", cancellationToken);
        return result;
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
        try
        {
            await setup.StartAsync(enabled.Name, cancellationToken);
        }
        catch (TenantUnavailableException)
        {
            // In service again, but its database was lost while it was closed: it answers 503 until repaired.
            await audit.RecordAsync(AuditActions.TenantEnabled, enabled, actor, null, cancellationToken);
            throw new TenantManagementException(
                $"Le site « {enabled.Name} » est réactivé, mais sa base de données est introuvable ou illisible : il reste fermé (503). " +
                $"Restaurez sa base depuis une sauvegarde, ou réinstallez-le depuis sa recette (« tenants reset --name {enabled.Name} --confirm {enabled.Name} »).");
        }

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
