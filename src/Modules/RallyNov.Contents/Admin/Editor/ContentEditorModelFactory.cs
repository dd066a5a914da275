using System.Security.Claims;
using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using Microsoft.AspNetCore.Authorization;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Media;
using RallyNov.Core.Security;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Admin.Editor;

/// <summary>Loads what the editor form needs besides the item: terms, picker choices, the user's rights.</summary>
public interface IContentEditorModelFactory
{
    /// <summary>
    /// <paramref name="item"/> is the latest stored version (null for a new item, whose owner will be
    /// <paramref name="user"/>); <paramref name="values"/> what the form shows (stored or as posted).
    /// </summary>
    Task<ContentEditorViewModel> BuildAsync(
        ContentTypeDefinition type, ContentItem? item, string contentItemId, JsonObject values, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The types whose items a picker field may offer.</summary>
    IReadOnlyList<string> PickableTypes(ContentFieldDefinition field);

    /// <summary>The media library's uploads when <paramref name="type"/> has an image field and <paramref name="user"/> may add files; null otherwise.</summary>
    Task<IMediaUploads?> MediaUploadsForAsync(ContentTypeDefinition type, ClaimsPrincipal user);
}

internal sealed class ContentEditorModelFactory(
    IContentManager contents,
    ITaxonomyService taxonomies,
    IContentAuthorization authorization,
    IContentDefinitionManager definitions,
    TenantContext tenant,
    IAuthorizationService authorizationService,
    IEnumerable<IMediaUploads> mediaUploads) : IContentEditorModelFactory
{
    /// <summary>Without JavaScript a picker is a plain select: the most recent items are enough to choose from.</summary>
    private const int PickerLimit = 200;

    public async Task<ContentEditorViewModel> BuildAsync(
        ContentTypeDefinition type, ContentItem? item, string contentItemId, JsonObject values, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // A new item belongs to whoever creates it: rights are those on one's own content.
        var subject = item ?? new ContentItem { ContentItemId = contentItemId, ContentType = type.Name, Owner = user.Identity?.Name };
        var terms = new Dictionary<string, IReadOnlyList<Term>>(StringComparer.Ordinal);
        foreach (var vocabulary in type.Fields.Where(f => f.Kind == FieldKind.Taxonomy && f.Vocabulary is not null).Select(f => f.Vocabulary!).Distinct())
        {
            var found = await taxonomies.GetAsync(vocabulary, cancellationToken);
            terms[vocabulary] = found?.Terms.OrderBy(t => t.Order).ThenBy(t => t.Name, StringComparer.Ordinal).ToList() ?? [];
        }

        var pickers = new Dictionary<string, IReadOnlyList<PickerOption>>(StringComparer.Ordinal);
        foreach (var field in type.Fields.Where(f => f.Kind == FieldKind.ContentPicker))
        {
            pickers[field.Name] = await PickerOptionsAsync(field, ContentForm.Values(values[field.Name]), contentItemId, cancellationToken);
        }

        var published = item is null ? null : await contents.GetAsync(item.ContentItemId, VersionOptions.Published, cancellationToken);
        var uploads = await MediaUploadsForAsync(type, user);
        return new ContentEditorViewModel
        {
            Type = type,
            Item = item,
            ContentItemId = contentItemId,
            ContentItemVersionId = item?.ContentItemVersionId ?? "",
            Values = values,
            CanEdit = await authorization.CanAsync(user, subject, ContentAction.Edit),
            CanPublish = await authorization.CanAsync(user, subject, ContentAction.Publish),
            CanDelete = item is not null && await authorization.CanAsync(user, subject, ContentAction.Delete),
            PublicUrl = published is null ? null : type.UrlFor(published.Slug),
            Terms = terms,
            PickerOptions = pickers,
            CanUploadMedia = uploads is not null,
            MaxUploadBytes = uploads?.MaxUploadBytes ?? 0,
            MaxUploadLabel = uploads is null ? "" : RallyNov.Core.Text.FileSizes.InFrench(uploads.MaxUploadBytes),
        };
    }

    /// <summary>The media library's uploads when the type has an image field, the module is on and the user may manage media.</summary>
    public async Task<IMediaUploads?> MediaUploadsForAsync(ContentTypeDefinition type, ClaimsPrincipal user)
    {
        if (!type.Fields.Any(f => f.Kind == FieldKind.Media) || mediaUploads.FirstOrDefault(u => u.IsAvailable) is not { } uploads)
        {
            return null;
        }

        return (await authorizationService.AuthorizeAsync(user, null, new PermissionRequirement(Permissions.ManageMedia))).Succeeded ? uploads : null;
    }

    public IReadOnlyList<string> PickableTypes(ContentFieldDefinition field)
    {
        var available = definitions.TypesFor(tenant.Settings).Select(t => t.Name).ToList();
        return field.AllowedTypes.Count == 0 ? available : field.AllowedTypes.Where(available.Contains).ToList();
    }

    private async Task<IReadOnlyList<PickerOption>> PickerOptionsAsync(
        ContentFieldDefinition field, IReadOnlyList<string> selected, string selfId, CancellationToken cancellationToken)
    {
        var types = PickableTypes(field);
        var recent = types.Count == 0
            ? []
            : (await contents.QueryAsync(
                new ContentQuery { ContentTypes = types, Status = ContentStatus.Latest, Order = ContentOrder.ModifiedDescending, PageSize = PickerLimit },
                cancellationToken)).Items;
        var options = recent.Where(i => i.ContentItemId != selfId).Select(Option).ToList();

        // Selected items older than the most recent ones must still be shown, or saving would drop them.
        var missing = selected.Where(id => options.All(o => o.Id != id)).ToList();
        if (missing.Count > 0)
        {
            var found = await contents.GetManyAsync(missing, VersionOptions.Latest, cancellationToken);
            options.InsertRange(0, missing.Select(id => found.TryGetValue(id, out var item) ? Option(item) : new PickerOption(id, id, "")));
        }

        return options;
    }

    private static PickerOption Option(ContentItem item) =>
        new(item.ContentItemId, string.IsNullOrWhiteSpace(item.DisplayText) ? "(sans titre)" : item.DisplayText, item.ContentType);
}
