using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;

namespace RallyNov.Tenants.Packages;

/// <summary>
/// A whole site in one .zip: "site.json" (what it is), "recipe.json" (settings, vocabularies, roles
/// and accounts without passwords, media texts, content with drafts) and "media/..." (the files).
/// Importing it creates a new site with the same published content, media, vocabularies and settings.
/// </summary>
public interface ITenantPackages
{
    /// <summary>Writes the package of a running or disabled site.</summary>
    Task ExportAsync(string name, Stream destination, string? actor, CancellationToken cancellationToken);

    /// <summary>Reads what a package says about itself; a file that is not a site package gets a French error.</summary>
    TenantPackageInfo Inspect(Stream package);

    /// <summary>Creates a site from a package (seekable stream), with the same checks as a creation.</summary>
    Task<TenantSettings> ImportAsync(TenantCreateRequest request, Stream package, string? actor, IProgress<TenantSetupProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>The manifest of a package.</summary>
public sealed record TenantPackageInfo(string Name, string DisplayName, DateTime? ExportedUtc, IReadOnlyList<string>? EnabledModules, int MediaFiles);
