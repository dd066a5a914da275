namespace RallyNov.Contents.Home;

/// <summary>
/// A block of the public home page contributed by a module (latest initiatives, next events...).
/// The home page knows no module: it shows the sections of the modules enabled in the tenant,
/// so switching a module off removes its block with it.
/// </summary>
public interface IHomeSection
{
    /// <summary>The module contributing the section; the section is skipped where it is disabled.</summary>
    string ModuleId { get; }

    /// <summary>Position on the page, lower first.</summary>
    int Order { get; }

    /// <summary>The partial view and its model, or null when there is nothing to show.</summary>
    Task<HomeSectionView?> BuildAsync(CancellationToken cancellationToken);
}

/// <param name="ViewPath">Full path of the partial, e.g. "/Views/Initiatives/_HomeSection.cshtml".</param>
public sealed record HomeSectionView(string ViewPath, object Model);
