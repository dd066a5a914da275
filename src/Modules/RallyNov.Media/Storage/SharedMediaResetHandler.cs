using System.Globalization;
using RallyNov.Core.Hosting;
using RallyNov.Core.Tenants;

namespace RallyNov.Media.Storage;

/// <summary>
/// `tenants reset` with a shared RallyNov:Media:Root: the tenant's uploads there belonged to the lost
/// database (their descriptions were in it), so they are put aside as {Root}/{tenant}/Media.{date}.bak,
/// like the media of its data folder, and its variants deleted (made again on demand): the site set up
/// again from its recipe starts from an empty library on every node.
/// </summary>
internal sealed class SharedMediaResetHandler(MediaFolders folders) : ITenantResetHandler
{
    public Task<string?> ResetAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        if (folders.SharedFolderOf(tenant.Name) is not { } folder || !Directory.Exists(folder))
        {
            return Task.FromResult<string?>(null);
        }

        var variants = Path.Combine(folder, "MediaCache");
        if (Directory.Exists(variants))
        {
            Directory.Delete(variants, recursive: true);
        }

        var media = Path.Combine(folder, "Media");
        if (!Directory.Exists(media) || !Directory.EnumerateFileSystemEntries(media).Any())
        {
            return Task.FromResult<string?>(null);
        }

        var aside = media + "." + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".bak";
        Directory.Move(media, aside);
        return Task.FromResult<string?>("médias partagés : " + aside);
    }
}
