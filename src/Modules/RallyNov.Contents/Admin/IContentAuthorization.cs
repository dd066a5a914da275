using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RallyNov.Core.Content;
using RallyNov.Core.Security;

namespace RallyNov.Contents.Admin;

public enum ContentAction
{
    Edit,
    Publish,
    Delete,
}

/// <summary>
/// "May this user do this to this item?" — the broad permission (EditContent...) for anybody's item,
/// or the "own" one (EditOwnContent...) when the user owns the item. Every content action of the
/// back office asks here, on the server.
/// </summary>
public interface IContentAuthorization
{
    Task<bool> CanAsync(ClaimsPrincipal user, ContentItem item, ContentAction action);
}

internal sealed class ContentAuthorization(IAuthorizationService authorization) : IContentAuthorization
{
    public async Task<bool> CanAsync(ClaimsPrincipal user, ContentItem item, ContentAction action)
    {
        var owns = user.Identity?.Name is { Length: > 0 } name && string.Equals(item.Owner, name, StringComparison.Ordinal);

        // The own variant is implied by the broad one, so asking for it is enough for an owner.
        var permission = (action, owns) switch
        {
            (ContentAction.Edit, true) => Permissions.EditOwnContent,
            (ContentAction.Edit, false) => Permissions.EditContent,
            (ContentAction.Publish, true) => Permissions.PublishOwnContent,
            (ContentAction.Publish, false) => Permissions.PublishContent,
            (ContentAction.Delete, true) => Permissions.DeleteOwnContent,
            _ => Permissions.DeleteContent,
        };
        return (await authorization.AuthorizeAsync(user, item, new PermissionRequirement(permission))).Succeeded;
    }
}
