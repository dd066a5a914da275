using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Setup;
using RallyNov.Tenants.Statistics;

namespace RallyNov.Tenants.Admin;

/// <summary>One page of the sites list.</summary>
public sealed class TenantListViewModel
{
    public const int PageSize = 50;

    public required IReadOnlyList<TenantRow> Rows { get; init; }

    /// <summary>"", "running", "disabled" or "setup".</summary>
    public string State { get; init; } = "";

    public string? Query { get; init; }

    public int Page { get; init; } = 1;

    public int PageCount { get; init; } = 1;

    public int Matching { get; init; }

    public required IReadOnlyDictionary<string, int> CountByState { get; init; }

    public static IReadOnlyList<(string Key, string Label)> States { get; } =
    [
        ("", "Tous"),
        ("running", "En service"),
        ("disabled", "Désactivés"),
        ("setup", "En installation"),
    ];

    public static bool Matches(TenantSettings tenant, string state) => state switch
    {
        "running" => tenant.State == TenantState.Running,
        "disabled" => tenant.State == TenantState.Disabled,
        "setup" => tenant.State == TenantState.Uninitialized,
        _ => true,
    };

    public string PageUrl(int page) =>
        "?" + string.Join("&", new[] { ("etat", State), ("q", Query ?? ""), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => p.Item2.Length > 0 && !(p.Item1 == "page" && p.Item2 == "1"))
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
}

public sealed record TenantRow(TenantSettings Tenant, TenantActivity? Activity, string PublicUrl);

/// <summary>The creation form (and, with a package, the import form).</summary>
public sealed class TenantCreateForm
{
    [Display(Name = "Nom technique")]
    public string? Name { get; set; }

    [Display(Name = "Nom affiché")]
    public string? DisplayName { get; set; }

    [Display(Name = "Préfixe d'URL")]
    public string? UrlPrefix { get; set; }

    [Display(Name = "Noms d'hôte")]
    public string? Hosts { get; set; }

    public string Recipe { get; set; } = TenantRecipes.Territory;

    /// <summary>How the first administrator gets in: <see cref="ByPassword"/> or <see cref="ByInvitation"/>.</summary>
    public string AdminAccess { get; set; } = ByPassword;

    public const string ByPassword = "mot-de-passe";
    public const string ByInvitation = "invitation";

    public bool InvitesAdministrator => string.Equals(AdminAccess, ByInvitation, StringComparison.Ordinal);

    [Display(Name = "Nom d'utilisateur")]
    public string? AdminUserName { get; set; }

    [Display(Name = "Adresse e-mail")]
    public string? AdminEmail { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string? AdminPassword { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe (une seconde fois)")]
    [Compare(nameof(AdminPassword), ErrorMessage = "Les deux mots de passe ne correspondent pas.")]
    public string? AdminPasswordConfirmation { get; set; }

    [Display(Name = "Fichier d'export (.zip)")]
    public IFormFile? Package { get; set; }

    /// <summary>The request for the manager; blanks stay blank (the form never falls back to the setup administrator).</summary>
    public TenantCreateRequest ToRequest() => new()
    {
        Name = Name?.Trim() ?? "",
        DisplayName = DisplayName?.Trim() ?? "",
        UrlPrefix = UrlPrefix ?? "",
        Hosts = TenantCreateRequest.ParseHosts(Hosts),
        Recipe = Recipe,
        AdminUserName = AdminUserName ?? "",
        AdminEmail = AdminEmail ?? "",
        AdminPassword = InvitesAdministrator ? null : AdminPassword ?? "",
        InviteAdministrator = InvitesAdministrator,
    };
}

/// <summary>The edit form of a site.</summary>
public sealed class TenantEditForm
{
    [Display(Name = "Nom affiché")]
    public string? DisplayName { get; set; }

    [Display(Name = "Préfixe d'URL")]
    public string? UrlPrefix { get; set; }

    [Display(Name = "Noms d'hôte")]
    public string? Hosts { get; set; }

    public List<string> Modules { get; set; } = [];
}

public sealed class TenantEditViewModel
{
    public required TenantSettings Tenant { get; init; }

    public required TenantEditForm Form { get; init; }

    public required IReadOnlyList<ModuleChoice> Modules { get; init; }

    public required string PublicUrl { get; init; }
}

public sealed class TenantRemoveViewModel
{
    public required TenantSettings Tenant { get; init; }

    public required IReadOnlyList<string> Deletes { get; init; }

    public TenantActivity? Activity { get; init; }

    [Display(Name = "Nom du site")]
    public string? Confirmation { get; set; }
}

public sealed class TenantSetupViewModel
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public TenantSetupJob? Job { get; init; }

    public TenantSettings? Tenant { get; init; }

    public string? PublicUrl { get; init; }

    /// <summary>The invitation link, on the one display of the page that gets it.</summary>
    public string? InvitationLink { get; init; }

    public bool Ready => Tenant?.State == TenantState.Running && (Job is null || Job.Completed);

    public bool Failed => Job?.Error is not null;
}
