using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Core.Text;
using RallyNov.Core.Web;

namespace RallyNov.Contents.Admin.Editor;

/// <summary>Small helpers the editor's scripts call: Markdown preview and content picker search.</summary>
[Area("Admin")]
[RequirePermission(Permissions.EditOwnContent)]
public sealed class ContentEditorApiController(IContentManager contents, IContentDefinitionManager definitions, TenantContext tenant) : Controller
{
    private const int PickerResults = 20;

    /// <summary>
    /// The sanitized HTML of some Markdown, exactly as the site will render it; 422 with the
    /// French reason (plain text) when it cannot be rendered (too long, too deeply nested).
    /// </summary>
    [HttpPost("/admin/contents/preview-markdown")]
    [RequestSizeLimit(RequestLimits.Preview)]
    public IActionResult PreviewMarkdown([FromForm] string? markdown, CancellationToken cancellationToken)
    {
        if (MarkdownRenderer.TryToHtml(markdown, cancellationToken, out var html, out var problem))
        {
            return Content(html, "text/html; charset=utf-8");
        }

        var refused = Content("Aperçu impossible : le texte " + problem, "text/plain; charset=utf-8");
        refused.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return refused;
    }

    /// <summary>
    /// Whether an address is a video the rich text can show: its key, provider and page for the
    /// editor's placeholder, or the French reason. The sanitizer checks the key again on save.
    /// </summary>
    [HttpGet("/admin/contents/video-link")]
    public IActionResult VideoLink(string? url) =>
        VideoLinks.TryParse(url, out var link)
            ? Json(new { ok = true, key = link.Key, provider = link.ProviderName, watchUrl = link.WatchUrl })
            : Json(new { ok = false, error = "Cette adresse n'est pas celle d'une vidéo reconnue. " + VideoLinks.Help });

    /// <summary>Items of the given types whose title contains <paramref name="q"/>, latest first.</summary>
    [HttpGet("/admin/contents/picker")]
    public async Task<IActionResult> Picker(string? types, string? q, CancellationToken cancellationToken)
    {
        var available = definitions.TypesFor(tenant.Settings).Select(t => t.Name).ToList();
        var wanted = (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var allowed = wanted.Count == 0 ? available : available.Where(t => wanted.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (allowed.Count == 0)
        {
            return Json(new { items = Array.Empty<object>() });
        }

        var page = await contents.QueryAsync(
            new ContentQuery
            {
                ContentTypes = allowed,
                Status = ContentStatus.Latest,
                Title = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
                Order = ContentOrder.ModifiedDescending,
                PageSize = PickerResults,
            },
            cancellationToken);
        return Json(new
        {
            items = page.Items.Select(i => new
            {
                id = i.ContentItemId,
                title = string.IsNullOrWhiteSpace(i.DisplayText) ? "(sans titre)" : i.DisplayText,
                type = i.ContentType,
            }),
        });
    }
}
