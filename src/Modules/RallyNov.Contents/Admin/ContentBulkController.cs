using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Security;

namespace RallyNov.Contents.Admin;

/// <summary>Publish, unpublish or delete the items ticked in the content list, each one checked on its own.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class ContentBulkController(IContentManager contents, IContentAuthorization authorization) : Controller
{
    private const int MaxItems = 100;

    [HttpPost("/admin/contents/bulk")]
    public async Task<IActionResult> Apply(string? action, List<string>? ids, string? returnUrl, CancellationToken cancellationToken)
    {
        var back = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith('~') ? returnUrl : Url.Content("~/admin/contents");
        var (kind, one, many) = action switch
        {
            "publish" => (ContentAction.Publish, "contenu publié", "contenus publiés"),
            "unpublish" => (ContentAction.Publish, "contenu dépublié", "contenus dépubliés"),
            "delete" => (ContentAction.Delete, "contenu mis à la corbeille", "contenus mis à la corbeille"),
            _ => ((ContentAction?)null, "", ""),
        };
        var selected = (ids ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Take(MaxItems).ToList();
        if (kind is null || selected.Count == 0)
        {
            TempData["Error"] = "Choisissez une action et au moins un contenu.";
            return LocalRedirect(back);
        }

        var items = await contents.GetManyAsync(selected, VersionOptions.Latest, cancellationToken);
        int succeeded = 0, refused = 0, failed = 0;
        foreach (var id in selected)
        {
            if (!items.TryGetValue(id, out var item) || !await authorization.CanAsync(User, item, kind.Value))
            {
                // Unknown ids are counted as refused too: the answer must not tell which ids exist.
                refused++;
                continue;
            }

            var result = action switch
            {
                "publish" => await contents.PublishLatestAsync(id, cancellationToken),
                "unpublish" => await contents.UnpublishAsync(id, cancellationToken),
                _ => await contents.DeleteAsync(id, cancellationToken),
            };
            if (result.Succeeded)
            {
                succeeded++;
            }
            else
            {
                failed++;
            }
        }

        TempData[refused + failed == 0 ? "Message" : "Error"] = Summary(succeeded <= 1 ? one : many, succeeded, refused, failed);
        return LocalRedirect(back);
    }

    private static string Summary(string done, int succeeded, int refused, int failed)
    {
        var parts = new List<string> { $"{succeeded} {done}" };
        if (refused > 0)
        {
            parts.Add($"{refused} refusé{(refused > 1 ? "s" : "")} (vous n'avez pas la permission)");
        }

        if (failed > 0)
        {
            parts.Add($"{failed} en échec (contenu invalide ou déjà dans cet état)");
        }

        return string.Join(" ; ", parts) + ".";
    }
}
