using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RallyNov.Core.Tenants;

namespace RallyNov.Media.Storage;

/// <summary>
/// Where a tenant's media and their resized variants live: in its data folder
/// (Sites/{tenant}/Media, Sites/{tenant}/MediaCache), or, when RallyNov:Media:Root names a folder
/// shared by every node (NFS, CephFS...), in {Root}/{tenant}/Media and {Root}/{tenant}/MediaCache,
/// so that a file uploaded on one node is served by all and a variant is made once for all.
/// </summary>
public sealed class MediaFolders
{
    public MediaFolders(IOptions<MediaOptions> options, IHostEnvironment environment)
        : this(string.IsNullOrWhiteSpace(options.Value.Root) ? null : Path.Combine(environment.ContentRootPath, options.Value.Root))
    {
    }

    /// <param name="sharedRoot">The shared folder, or null for each tenant's data folder.</param>
    public MediaFolders(string? sharedRoot) => SharedRoot = sharedRoot is null ? null : Path.GetFullPath(sharedRoot);

    /// <summary>The shared root as an absolute path, or null when media stay in each tenant's data folder.</summary>
    public string? SharedRoot { get; }

    /// <summary>The tenant's own folder under the shared root (null without one).</summary>
    public string? SharedFolderOf(string tenantName) => SharedRoot is null ? null : Path.Combine(SharedRoot, tenantName);

    public string MediaOf(TenantContext tenant) =>
        SharedFolderOf(tenant.Name) is { } shared ? Path.Combine(shared, "Media") : tenant.Paths.Media;

    public string VariantsOf(TenantContext tenant) =>
        Path.Combine(SharedFolderOf(tenant.Name) ?? tenant.Paths.Root, "MediaCache");
}
