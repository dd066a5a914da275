using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Home;

/// <summary>
/// A block of the public home page contributed by a module (latest initiatives, next events...).
/// The home page knows no module: it shows the sections of the modules enabled in the tenant,
/// so switching a module off removes its block with it. A site's administrator chooses and orders
/// the sections in the back office (settings key "homeSections", by <see cref="Key"/>).
/// </summary>
public interface IHomeSection
{
    /// <summary>Stable name stored in the settings ("initiatives", "chiffres-cles").</summary>
    string Key { get; }

    /// <summary>What the back office calls it, in French (« Dernières initiatives »).</summary>
    string Label { get; }

    /// <summary>The module contributing the section; the section is skipped where it is disabled.</summary>
    string ModuleId { get; }

    /// <summary>Position on the page when the administrator has not ordered the sections, lower first.</summary>
    int Order { get; }

    /// <summary>False where the section can never show anything (the territories outside the portal): the back office does not offer it.</summary>
    bool IsOffered(TenantSettings tenant) => true;

    /// <summary>The partial view and its model, or null when there is nothing to show.</summary>
    Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken);
}

/// <param name="ViewPath">Full path of the partial, e.g. "/Views/Initiatives/_HomeSection.cshtml".</param>
public sealed record HomeSectionView(string ViewPath, object Model);
