using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Admin.Editor;

/// <summary>What the edit page does to an item besides saving it: unpublish, bin, restore, preview.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class ContentItemActionsController(
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentAuthorization authorization,
    TenantContext tenant) : Controller
{
    [HttpPost("/admin/contents/{contentItemId}/unpublish")]
    public async Task<IActionResult> Unpublish(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await LatestAsync(contentItemId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, item, ContentAction.Publish))
        {
            return Forbid();
        }

        var result = await contents.UnpublishAsync(contentItemId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = $"« {Title(item)} » n'est plus en ligne ; il reste dans les brouillons.";
        }
        else
        {
            TempData["Error"] = "Ce contenu n'était pas publié.";
        }

        return LocalRedirect(EditUrl(contentItemId));
    }

    [HttpGet("/admin/contents/{contentItemId}/delete")]
    public async Task<IActionResult> ConfirmDelete(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await LatestAsync(contentItemId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        return await authorization.CanAsync(User, item, ContentAction.Delete) ? View("Delete", item) : Forbid();
    }

    [HttpPost("/admin/contents/{contentItemId}/delete")]
    public async Task<IActionResult> Delete(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await LatestAsync(contentItemId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, item, ContentAction.Delete))
        {
            return Forbid();
        }

        var result = await contents.DeleteAsync(contentItemId, cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded
            ? $"« {Title(item)} » a été mis à la corbeille. Vous pouvez le restaurer depuis la corbeille."
            : "Ce contenu n'a pas pu être supprimé.";
        return LocalRedirect(Url.Content("~/admin/contents"));
    }

    [HttpPost("/admin/contents/{contentItemId}/restore")]
    public async Task<IActionResult> Restore(string contentItemId, CancellationToken cancellationToken)
    {
        var versions = await contents.GetVersionsAsync(contentItemId, cancellationToken);
        var item = versions.FirstOrDefault(v => v.Latest && v.DeletedUtc is not null);
        if (item is null || !Known(item))
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, item, ContentAction.Delete))
        {
            return Forbid();
        }

        var result = await contents.RestoreDeletedAsync(contentItemId, cancellationToken);
        TempData[result.Succeeded ? "Message" : "Error"] = result.Succeeded
            ? $"« {Title(item)} » est sorti de la corbeille, en brouillon."
            : "Ce contenu n'a pas pu être restauré.";
        return LocalRedirect(EditUrl(contentItemId));
    }

    /// <summary>The latest version (usually a draft) as visitors would see it once published.</summary>
    [HttpGet("/admin/contents/{contentItemId}/preview")]
    public async Task<IActionResult> Preview(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await LatestAsync(contentItemId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, item, ContentAction.Edit))
        {
            return Forbid();
        }

        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
        return View("Preview", item);
    }

    private async Task<ContentItem?> LatestAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        return item is not null && Known(item) ? item : null;
    }

    /// <summary>Items of a type whose module is off in this tenant are out of reach, as on the public site.</summary>
    private bool Known(ContentItem item) => definitions.TypesFor(tenant.Settings).Any(t => t.Name == item.ContentType);

    private string EditUrl(string contentItemId) => Url.Content($"~/admin/contents/{Uri.EscapeDataString(contentItemId)}/edit");

    private static string Title(ContentItem item) => string.IsNullOrWhiteSpace(item.DisplayText) ? "Sans titre" : item.DisplayText;
}
