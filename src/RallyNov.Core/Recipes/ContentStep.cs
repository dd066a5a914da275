using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Core.Recipes;

/// <summary>
/// "content": { "items": [ { "contentItemId", "contentType", "published", "owner", "createdUtc", "publishedUtc" (first publication, kept by a new item),
/// "content": { fields }, "draft": { fields, optional newer draft } } ] }.
/// Same id → the item is updated (a new version only when something changed), never duplicated.
/// </summary>
internal sealed partial class ContentStep(IContentManager contents, IContentDefinitionManager definitions) : IRecipeStepHandler, IRecipeExportStep
{
    private const int ExportPageSize = 200;

    public string Name => "content";

    public int Order => 100;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,25}$")]
    private static partial Regex IdPattern();

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["items"] is not JsonArray array)
        {
            throw context.Fail("la liste « items » manque.");
        }

        var items = new List<RecipeItem>();
        foreach (var node in array)
        {
            items.Add(Parse(context, node));
        }

        var duplicate = items.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw context.Fail("cet identifiant apparaît deux fois.", duplicate.Key);
        }

        // Items that pick each other (A → B → A) cannot all be written after what they pick:
        // such an item is first written without its references to items not stored yet, then
        // again in full once every item of the step exists. Validation still sees every reference.
        var ids = items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var missing = ids.Except((await contents.GetManyAsync(ids, VersionOptions.Latest, cancellationToken)).Keys, StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);
        var deferred = new List<RecipeItem>();
        foreach (var item in OrderByReferences(items))
        {
            if (References(item).Any(r => r != item.Id && missing.Contains(r)))
            {
                await ApplyAsync(context, item with { Content = Without(item.Type, item.Content, missing), Draft = item.Draft is null ? null : Without(item.Type, item.Draft, missing) }, cancellationToken);
                deferred.Add(item);
            }
            else
            {
                await ApplyAsync(context, item, cancellationToken);
            }

            missing.Remove(item.Id);
        }

        foreach (var item in deferred)
        {
            await ApplyAsync(context, item, cancellationToken);
        }
    }

    /// <summary>The ids an item picks, in its content and in its draft.</summary>
    private static IEnumerable<string> References(RecipeItem item) =>
        from content in new[] { item.Content, item.Draft }
        where content is not null
        from field in item.Type.Fields
        where field.Kind == FieldKind.ContentPicker
        from value in content[field.Name] is JsonArray array ? array.ToArray() : [content[field.Name]]
        where value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
        select value!.GetValue<string>();

    /// <summary>A copy of the content whose picker fields leave out the given ids.</summary>
    private static JsonObject Without(ContentTypeDefinition type, JsonObject content, HashSet<string> ids)
    {
        var copy = (JsonObject)content.DeepClone();
        foreach (var field in type.Fields.Where(f => f.Kind == FieldKind.ContentPicker))
        {
            var kept = (copy[field.Name] is JsonArray array ? array.ToArray() : [copy[field.Name]])
                .Where(v => v is not null && !(v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String && ids.Contains(value.GetValue<string>())))
                .Select(v => v!.DeepClone())
                .ToArray();
            if (kept.Length == 0)
            {
                copy.Remove(field.Name);
            }
            else
            {
                copy[field.Name] = new JsonArray(kept);
            }
        }

        return copy;
    }

    public async Task<JsonObject?> ExportAsync(CancellationToken cancellationToken)
    {
        var items = new JsonArray();
        for (var page = 1; ; page++)
        {
            var result = await contents.QueryAsync(new ContentQuery { Status = ContentStatus.Latest, Order = ContentOrder.CreatedDescending, Page = page, PageSize = ExportPageSize }, cancellationToken);
            var published = await contents.GetManyAsync(result.Items.Where(i => !i.Published).Select(i => i.ContentItemId), VersionOptions.Published, cancellationToken);
            foreach (var latest in result.Items)
            {
                var live = latest.Published ? latest : published.GetValueOrDefault(latest.ContentItemId);
                var main = live ?? latest;
                var json = new JsonObject
                {
                    ["contentItemId"] = latest.ContentItemId,
                    ["contentType"] = latest.ContentType,
                    ["published"] = live is not null,
                    ["owner"] = latest.Owner,
                    ["createdUtc"] = latest.CreatedUtc.ToString("O", CultureInfo.InvariantCulture),
                    ["publishedUtc"] = live?.PublishedUtc?.ToString("O", CultureInfo.InvariantCulture),
                    ["content"] = main.Content.DeepClone(),
                };
                if (live is not null && !latest.Published)
                {
                    json["draft"] = latest.Content.DeepClone();
                }

                items.Add(json);
            }

            if (page >= result.PageCount)
            {
                break;
            }
        }

        return items.Count == 0 ? null : new JsonObject { ["name"] = Name, ["items"] = items };
    }

    private RecipeItem Parse(RecipeStepContext context, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw context.Fail("chaque élément doit être un objet JSON.");
        }

        var id = Text(obj, "contentItemId");
        if (id is null || !IdPattern().IsMatch(id))
        {
            throw context.Fail("« contentItemId » manque ou est invalide (1 à 26 caractères : minuscules, chiffres, tirets).", id);
        }

        var typeName = Text(obj, "contentType");
        var type = typeName is null ? null : definitions.Find(typeName);
        if (type is null)
        {
            throw context.Fail($"type de contenu inconnu « {typeName} ».", id);
        }

        if (!definitions.TypesFor(context.Tenant.Settings).Contains(type))
        {
            throw context.Fail($"le module du type « {type.Name} » n'est pas activé sur ce site.", id);
        }

        if (obj["content"] is not JsonObject content)
        {
            throw context.Fail("l'objet « content » manque.", id);
        }

        DateTime created = default;
        if (Text(obj, "createdUtc") is { } createdText
            && !DateTime.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out created))
        {
            throw context.Fail("« createdUtc » n'est pas une date ISO 8601.", id);
        }

        DateTime? firstPublished = null;
        if (Text(obj, "publishedUtc") is { } publishedText)
        {
            if (!DateTime.TryParse(publishedText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw context.Fail("« publishedUtc » n'est pas une date ISO 8601.", id);
            }

            firstPublished = parsed;
        }

        var published = obj["published"] is not JsonValue p || p.GetValue<bool>();
        return new RecipeItem(id, type, published, Text(obj, "owner"), created, content, obj["draft"] as JsonObject, firstPublished);
    }

    private async Task ApplyAsync(RecipeStepContext context, RecipeItem item, CancellationToken cancellationToken)
    {
        var latest = await contents.GetAsync(item.Id, VersionOptions.Latest, cancellationToken);
        var live = latest is { Published: true } ? latest : await contents.GetAsync(item.Id, VersionOptions.Published, cancellationToken);

        // An unpublished item has no live version: its recipe content describes the latest one.
        // Comparing it with the (missing) live version would add a version on every run.
        var current = item.Published ? live : latest;
        if (!Same(item.Type, item.Content, current) || item.Published != (live is not null))
        {
            var target = latest?.Clone() ?? new ContentItem { ContentItemId = item.Id, ContentType = item.Type.Name, CreatedUtc = item.CreatedUtc, PublishedUtc = item.PublishedUtc };
            target.Content = (JsonObject)item.Content.DeepClone();
            target.Owner ??= item.Owner;
            var result = item.Published
                ? await contents.PublishAsync(target, cancellationToken)
                : await contents.SaveDraftAsync(target, cancellationToken);
            Check(context, item, result);
            if (!item.Published && live is not null)
            {
                Check(context, item, await contents.UnpublishAsync(item.Id, cancellationToken));
            }

            latest = result.Item;
        }

        if (item.Draft is not null && !Same(item.Type, item.Draft, latest))
        {
            var draft = latest!.Clone();
            draft.Content = (JsonObject)item.Draft.DeepClone();
            Check(context, item, await contents.SaveDraftAsync(draft, cancellationToken));
        }
    }

    private static void Check(RecipeStepContext context, RecipeItem item, ContentResult result)
    {
        if (!result.Succeeded)
        {
            var problems = string.Join(" ; ", result.Errors.Select(e => string.IsNullOrEmpty(e.Field) ? e.Message : $"{e.Field} : {e.Message}"));
            throw context.Fail(problems, item.Id);
        }
    }

    /// <summary>
    /// True when the stored version already holds this content. A slug left out of the recipe
    /// was generated at first import, so it is not a difference.
    /// </summary>
    private static bool Same(ContentTypeDefinition type, JsonObject incoming, ContentItem? stored)
    {
        if (stored is null)
        {
            return false;
        }

        var comparable = (JsonObject)incoming.DeepClone();
        if (type.SlugField is { } slug && comparable[slug.Name] is null && stored.Content[slug.Name] is { } existingSlug)
        {
            comparable[slug.Name] = existingSlug.DeepClone();
        }

        var errors = new List<ContentValidationError>();
        var normalized = Content.Fields.FieldValueValidator.Normalize(type, comparable, errors);
        return errors.Count == 0 && JsonNode.DeepEquals(normalized, stored.Content);
    }

    /// <summary>Items picked by other items of the same step are written first.</summary>
    private static List<RecipeItem> OrderByReferences(List<RecipeItem> items)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var ordered = new List<RecipeItem>(items.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);

        void Visit(RecipeItem item)
        {
            if (state.TryGetValue(item.Id, out var done))
            {
                return; // a cycle is left to validation, which names the missing reference
            }

            state[item.Id] = false;
            foreach (var field in item.Type.Fields.Where(f => f.Kind == FieldKind.ContentPicker))
            {
                foreach (var reference in item.Content[field.Name] as JsonArray ?? [])
                {
                    if (reference?.GetValue<string>() is { } refId && byId.TryGetValue(refId, out var target))
                    {
                        Visit(target);
                    }
                }
            }

            state[item.Id] = true;
            ordered.Add(item);
        }

        foreach (var item in items)
        {
            Visit(item);
        }

        return ordered;
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private sealed record RecipeItem(string Id, ContentTypeDefinition Type, bool Published, string? Owner, DateTime CreatedUtc, JsonObject Content, JsonObject? Draft, DateTime? PublishedUtc = null);
}
