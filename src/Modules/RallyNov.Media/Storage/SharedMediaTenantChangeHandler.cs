using Microsoft.Extensions.Logging;
using RallyNov.Core.Tenants;

namespace RallyNov.Media.Storage;

/// <summary>
/// A removed tenant's media go with it: its data folder is deleted by the removal itself, its folder
/// under a shared RallyNov:Media:Root here (on every node that hears of the removal; the first one wins).
/// </summary>
internal sealed class SharedMediaTenantChangeHandler(MediaFolders folders, ILogger<SharedMediaTenantChangeHandler> logger) : ITenantChangeHandler
{
    public Task HandleAsync(TenantChange change, CancellationToken cancellationToken)
    {
        if (change.Kind != TenantChangeKind.Removed || folders.SharedFolderOf(change.Name) is not { } folder || !Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The media of removed tenant {Tenant} could not be deleted from the shared folder {Folder}; delete it by hand.", change.Name, folder);
        }

        return Task.CompletedTask;
    }
}
