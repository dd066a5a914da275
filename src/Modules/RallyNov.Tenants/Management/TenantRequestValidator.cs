using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Core.Web;

namespace RallyNov.Tenants.Management;

/// <summary>
/// The rules of the creation and edit forms and of the command line, in one place: names and
/// addresses (unique, no reserved first segment — every route's first segment is reserved, read from
/// the routing table —, well-formed host names), the recipe, and the administrator (asked of the
/// setup validators, e.g. the users module's password policy).
/// </summary>
internal sealed class TenantRequestValidator(ITenantStore store, ITenantScopeFactory scopes, EndpointCatalog endpoints)
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>Built-in reserved segments plus the first segment of every route of the host.</summary>
    public IReadOnlySet<string> ReservedSegments()
    {
        var reserved = new HashSet<string>(TenantValidator.BuiltInReservedSegments, StringComparer.OrdinalIgnoreCase);
        reserved.UnionWith(endpoints.FirstSegments());
        return reserved;
    }

    public async Task<TenantValidation> ValidateCreateAsync(TenantCreateRequest request, CancellationToken cancellationToken)
    {
        var validation = new TenantValidation();
        var candidate = ToSettings(request);

        // Messages quote the prefix as it was typed ("Jura Nord"), not as it would be stored.
        candidate.UrlPrefix = request.UrlPrefix.Trim();
        if (request.Name.Length > 0 && store.Find(request.Name) is { } existing)
        {
            validation.Add(TenantValidator.Fields.Name, $"Un site nommé « {existing.Name} » existe déjà : choisissez un autre nom.");
        }
        else if (request.Name.Length > 0 && Directory.Exists(store.PathsFor(request.Name).Root))
        {
            validation.Add(TenantValidator.Fields.Name, $"Le dossier de données Sites/{request.Name} existe encore (reste d'un ancien site ?) : choisissez un autre nom ou faites-le retirer par l'hébergeur.");
        }

        if (string.Equals(request.Name, TenantNames.Default, StringComparison.OrdinalIgnoreCase))
        {
            validation.Add(TenantValidator.Fields.Name, "« Default » est le nom du portail.");
        }

        CheckAddresses(candidate, validation);
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            validation.Errors.RemoveAll(e => e.Field == TenantValidator.Fields.Name);
            validation.Add(TenantValidator.Fields.Name, "Le nom technique est obligatoire : des lettres et des chiffres, par exemple Jura.");
        }

        if (!TenantRecipes.IsKnown(request.Recipe))
        {
            validation.Add("Recipe", $"Recette « {request.Recipe} » inconnue (possibles : {string.Join(", ", TenantRecipes.All.Select(r => r.Key))}).");
        }

        if (!request.UsesSetupAdministrator)
        {
            await CheckAdministratorAsync(candidate, request, validation, cancellationToken);
        }

        return validation;
    }

    public TenantValidation ValidateUpdate(TenantSettings current, TenantUpdateRequest request)
    {
        var validation = new TenantValidation();
        var candidate = current.Clone();
        candidate.DisplayName = request.DisplayName.Trim();
        candidate.UrlPrefix = request.UrlPrefix.Trim();
        candidate.Hosts = [.. request.Hosts];
        if (current.IsDefault && candidate.UrlPrefix.Length > 0)
        {
            validation.Add(TenantValidator.Fields.UrlPrefix, "Le portail répond à la racine du site : il n'a pas de préfixe d'URL.");
        }

        CheckAddresses(candidate, validation);
        return validation;
    }

    /// <summary>The settings a create request describes (state, database and modules are the defaults).</summary>
    public static TenantSettings ToSettings(TenantCreateRequest request) => new()
    {
        Name = request.Name.Trim(),
        DisplayName = request.DisplayName.Trim(),
        UrlPrefix = TenantResolver.NormalizePrefix(request.UrlPrefix),
        Hosts = [.. request.Hosts.Select(TenantValidator.NormalizeHost).Distinct(StringComparer.Ordinal)],
        State = TenantState.Uninitialized,
        Recipe = TenantRecipes.FileOf(request.Recipe),
    };

    private void CheckAddresses(TenantSettings candidate, TenantValidation validation)
    {
        if (candidate.DisplayName.Length > MaxDisplayNameLength)
        {
            validation.Add(TenantValidator.Fields.DisplayName, $"Le nom affiché ne peut pas dépasser {MaxDisplayNameLength} caractères.");
        }

        var noAddress = !candidate.IsDefault && TenantResolver.NormalizePrefix(candidate.UrlPrefix).Length == 0 && candidate.Hosts.Count == 0;
        foreach (var error in TenantValidator.ValidateFields(candidate, store.All, ReservedSegments()))
        {
            // The form has its own wording for a missing display name or address; the rest is the validator's.
            validation.Add(error.Field, error.Field switch
            {
                TenantValidator.Fields.DisplayName => "Le nom affiché est obligatoire.",
                TenantValidator.Fields.UrlPrefix when noAddress => "Le site a besoin d'un préfixe d'URL ou d'un nom d'hôte : c'est son adresse.",
                _ => error.Message,
            });
        }
    }

    private async Task CheckAdministratorAsync(TenantSettings candidate, TenantCreateRequest request, TenantValidation validation, CancellationToken cancellationToken)
    {
        var context = new TenantSetupContext
        {
            AdminUserName = request.AdminUserName?.Trim() ?? "",
            AdminEmail = request.AdminEmail?.Trim() ?? "",
            AdminPassword = request.InviteAdministrator ? "" : request.AdminPassword ?? "",
            InviteAdministrator = request.InviteAdministrator,
        };

        // A scope of the site-to-be: the validators read rules, never its (not yet created) database.
        await using var scope = scopes.CreateScope(candidate);
        foreach (var validator in scope.ServiceProvider.GetServices<ITenantSetupValidator>())
        {
            foreach (var (field, message) in await validator.ValidateAsync(context, cancellationToken))
            {
                validation.Add(field, message);
            }
        }
    }
}
