using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Security;
using RallyNov.Core.Taxonomies;

namespace RallyNov.Contents.Admin.Versions;

/// <summary>
/// The history of an item: its versions, what each one changed field by field, and restoring an
/// old one as a new draft. Needs the Edit permission on the item: every version's full content is shown.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class ContentVersionsController(
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentAuthorization authorization,
    ITaxonomyService taxonomies) : Controller
{
    [HttpGet("/admin/contents/{id}/versions")]
    public async Task<IActionResult> Index(string id, CancellationToken cancellationToken)
    {
        var (latest, type, denied) = await LoadAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var versions = await contents.GetVersionsAsync(id, cancellationToken);
        return View(new ContentVersionsViewModel { Item = latest!, Type = type!, Versions = versions });
    }

    /// <summary>What <paramref name="versionId"/> changed since the previous version, or, with
    /// <c>?compare=</c> (a version id or <c>latest</c>), the differences between the two.</summary>
    [HttpGet("/admin/contents/{id}/versions/{versionId}")]
    public async Task<IActionResult> Show(string id, string versionId, string? compare, CancellationToken cancellationToken)
    {
        var (latest, type, denied) = await LoadAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var versions = await contents.GetVersionsAsync(id, cancellationToken);
        var version = versions.FirstOrDefault(v => v.ContentItemVersionId == versionId);
        if (version is null)
        {
            return NotFound();
        }

        var other = compare switch
        {
            null or "" => versions.Where(v => v.VersionNumber < version.VersionNumber).MaxBy(v => v.VersionNumber),
            "latest" => versions.FirstOrDefault(v => v.Latest),
            _ => versions.FirstOrDefault(v => v.ContentItemVersionId == compare),
        };

        // Always read from the older to the newer version, whichever one the URL names first.
        var (from, to) = other is not null && other.VersionNumber > version.VersionNumber ? (version, other) : (other, version);
        var changes = ContentDiff.Compare(type!, from?.Content, to.Content);

        var pickedIds = changes.Where(c => c.Kind == FieldKind.ContentPicker).SelectMany(c => c.Added.Concat(c.Removed)).ToList();
        var picked = await contents.GetManyAsync(pickedIds, VersionOptions.Latest, cancellationToken);

        return View(new ContentVersionDiffViewModel
        {
            Item = latest!,
            Type = type!,
            Version = version,
            From = from,
            To = to,
            Changes = changes,
            Titles = picked.ToDictionary(p => p.Key, p => p.Value.DisplayText, StringComparer.Ordinal),
            TermNames = await TermNamesAsync(type!, changes, cancellationToken),
        });
    }

    /// <summary>Names of the terms of the changed taxonomy fields, keyed "field/slug": a diff shows names, not slugs.</summary>
    private async Task<Dictionary<string, string>> TermNamesAsync(ContentTypeDefinition type, IReadOnlyList<FieldChange> changes, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Where(f => f.Kind == FieldKind.Taxonomy && f.Vocabulary is not null && changes.Any(c => c.Field == f.Name)))
        {
            foreach (var term in (await taxonomies.GetAsync(field.Vocabulary!, cancellationToken))?.Terms ?? [])
            {
                names[$"{field.Name}/{term.Slug}"] = term.Name;
            }
        }

        return names;
    }

    [HttpPost("/admin/contents/{id}/versions/{versionId}/restore")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Restore(string id, string versionId, CancellationToken cancellationToken)
    {
        var (_, _, denied) = await LoadAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var version = await contents.GetVersionAsync(versionId, cancellationToken);
        if (version is null || version.ContentItemId != id)
        {
            return NotFound();
        }

        var result = await contents.RestoreVersionAsync(versionId, User.Identity?.Name, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = "La version n'a pas pu être restaurée : " + string.Join(" ", result.Errors.Select(e => e.Message));
            return LocalRedirect(Url.Content($"~/admin/contents/{Uri.EscapeDataString(id)}/versions/{Uri.EscapeDataString(versionId)}"));
        }

        TempData["Message"] = $"La version n° {version.VersionNumber} est restaurée comme brouillon (version n° {result.Item!.VersionNumber}). Relisez-la, puis publiez-la.";
        return LocalRedirect(Url.Content($"~/admin/contents/{Uri.EscapeDataString(id)}/edit"));
    }

    private async Task<(ContentItem? Latest, ContentTypeDefinition? Type, IActionResult? Denied)> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var latest = await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
        var type = latest is null ? null : definitions.Find(latest.ContentType);
        if (latest is null || type is null)
        {
            return (null, null, NotFound());
        }

        return await authorization.CanAsync(User, latest, ContentAction.Edit) ? (latest, type, null) : (null, null, Forbid());
    }
}
