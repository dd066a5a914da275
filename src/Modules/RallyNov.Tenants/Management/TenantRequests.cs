using RallyNov.Core.Accounts;
using RallyNov.Core.Tenants;

namespace RallyNov.Tenants.Management;

/// <summary>A new site, as the creation form and `tenants create` describe it.</summary>
public sealed record TenantCreateRequest
{
    public string Name { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public string UrlPrefix { get; init; } = "";

    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>One of <see cref="TenantRecipes"/> ("territoire", "vide"); ignored by an import.</summary>
    public string Recipe { get; init; } = TenantRecipes.Territory;

    /// <summary>
    /// The first administrator; all three null means the installation's setup administrator
    /// (RallyNov:Setup:*), as for the sites created at first start (command line only).
    /// </summary>
    public string? AdminUserName { get; init; }

    public string? AdminEmail { get; init; }

    /// <summary>Null (or ignored) when <see cref="InviteAdministrator"/>.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>
    /// The administrator gets an invitation link (72 h, single use) instead of a typed password:
    /// e-mailed when SMTP is configured, returned in <see cref="TenantCreated.Invitation"/> either way.
    /// </summary>
    public bool InviteAdministrator { get; init; }

    /// <summary>
    /// "https://host" of the page that asked, for the invitation link of a site that has no host name
    /// of its own: the setup runs in the background, outside that request.
    /// </summary>
    public string? LinkOrigin { get; init; }

    public bool UsesSetupAdministrator => AdminUserName is null && AdminEmail is null && AdminPassword is null;

    /// <summary>Splits what a person types in a host field (one per line, or separated by commas or spaces).</summary>
    public static IReadOnlyList<string> ParseHosts(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(TenantValidator.NormalizeHost)
            .Where(h => h.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

/// <summary>A site just created, and its administrator's invitation when one was asked for.</summary>
/// <param name="Invitation">Carries the only copy of the link: show it once, never store it.</param>
public sealed record TenantCreated(TenantSettings Tenant, InvitationResult? Invitation);

/// <summary>The settings of an existing site that its edit form changes.</summary>
public sealed record TenantUpdateRequest
{
    public string DisplayName { get; init; } = "";

    public string UrlPrefix { get; init; } = "";

    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Module ids ticked; null leaves the modules as they are.</summary>
    public IReadOnlyList<string>? Modules { get; init; }
}

/// <summary>What a check or a change found: French errors by field, and French notes (dependencies added).</summary>
public sealed class TenantValidation
{
    public List<TenantValidationError> Errors { get; } = [];

    public List<string> Notes { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public void Add(string field, string message) => Errors.Add(new TenantValidationError(field, message));

    public TenantManagementException ToException(string summary) => new(summary, Errors);
}

/// <summary>A refused tenant operation, in French, with the field-level reasons when there are some.</summary>
public sealed class TenantManagementException : InvalidOperationException
{
    public TenantManagementException()
    {
        Errors = [];
    }

    public TenantManagementException(string message)
        : base(message)
    {
        Errors = [];
    }

    public TenantManagementException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public TenantManagementException(string summary, IReadOnlyList<TenantValidationError> errors)
        : base(errors.Count == 0 ? summary : summary + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e.Message)))
    {
        Errors = errors;
    }

    public IReadOnlyList<TenantValidationError> Errors { get; }
}

/// <summary>The starting points offered when a site is created.</summary>
public static class TenantRecipes
{
    public const string Territory = "territoire";
    public const string Empty = "vide";

    /// <summary>Key, French label, description, recipe file (null: nothing but the administrator).</summary>
    public static IReadOnlyList<(string Key, string Label, string Description, string? File)> All { get; } =
    [
        (Territory, "Territoire", "Les vocabulaires du réseau (départements de Bourgogne-Franche-Comté, thèmes, types), une page « À propos », les mentions légales, la page données personnelles et la déclaration d'accessibilité ; les rubriques sont prêtes à recevoir les premières initiatives.", "territoire.recipe.json"),
        (Empty, "Vide", "Seulement l'administrateur : aucun vocabulaire, aucune page. Pour importer ses propres contenus ensuite.", null),
    ];

    public static bool IsKnown(string? key) => All.Any(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase));

    public static string? FileOf(string key) => All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)).File;
}
