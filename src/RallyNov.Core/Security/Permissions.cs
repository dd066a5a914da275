using RallyNov.Core.Tenants;

namespace RallyNov.Core.Security;

/// <summary>
/// The permissions of the back office, in the Orchard sense: roles grant them, every admin action
/// checks one on the server. Names are stable (stored per tenant with the roles, used in recipes).
/// </summary>
public static class Permissions
{
    public const string ViewContent = nameof(ViewContent);
    public const string EditContent = nameof(EditContent);
    public const string EditOwnContent = nameof(EditOwnContent);
    public const string PublishContent = nameof(PublishContent);
    public const string PublishOwnContent = nameof(PublishOwnContent);
    public const string DeleteContent = nameof(DeleteContent);
    public const string DeleteOwnContent = nameof(DeleteOwnContent);
    public const string ManageMedia = nameof(ManageMedia);
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageSettings = nameof(ManageSettings);
    public const string ManageTaxonomies = nameof(ManageTaxonomies);
    public const string ViewAuditTrail = nameof(ViewAuditTrail);
    public const string ManageTenants = nameof(ManageTenants);

    /// <summary>Every permission with its French description, in display order.</summary>
    public static IReadOnlyList<PermissionDescriptor> All { get; } =
    [
        new(ViewContent, "Accéder au back-office et voir les contenus"),
        new(EditContent, "Modifier tous les contenus"),
        new(EditOwnContent, "Modifier ses propres contenus"),
        new(PublishContent, "Publier et dépublier tous les contenus"),
        new(PublishOwnContent, "Publier et dépublier ses propres contenus"),
        new(DeleteContent, "Supprimer tous les contenus"),
        new(DeleteOwnContent, "Supprimer ses propres contenus"),
        new(ManageMedia, "Gérer la médiathèque"),
        new(ManageTaxonomies, "Gérer les vocabulaires"),
        new(ManageUsers, "Gérer les utilisateurs et les rôles"),
        new(ManageSettings, "Gérer les réglages du site"),
        new(ViewAuditTrail, "Consulter le journal d'audit"),
        new(ManageTenants, "Gérer les sites", DefaultTenantOnly: true),
    ];

    /// <summary>
    /// A broader permission grants the narrower one: whoever may edit all content may edit their
    /// own, so callers only ever ask for the narrowest permission that fits.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ImpliedBy { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EditOwnContent] = EditContent,
        [PublishOwnContent] = PublishContent,
        [DeleteOwnContent] = DeleteContent,
    };

    public static bool IsKnown(string name) => All.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The permissions that exist in a tenant: those of the portal only are not offered elsewhere.</summary>
    public static IReadOnlyList<PermissionDescriptor> For(TenantSettings tenant) =>
        tenant.IsDefault ? All : All.Where(p => !p.DefaultTenantOnly).ToList();

    /// <summary>False for a portal-only permission asked in another tenant: nobody holds it there.</summary>
    public static bool ExistsIn(string name, TenantSettings tenant) =>
        tenant.IsDefault || All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)) is not { DefaultTenantOnly: true };
}

/// <summary>A permission name and the French text shown in the role editor.</summary>
/// <param name="DefaultTenantOnly">Only meaningful on the portal (managing the sites): never granted in another tenant.</param>
public sealed record PermissionDescriptor(string Name, string Description, bool DefaultTenantOnly = false);
