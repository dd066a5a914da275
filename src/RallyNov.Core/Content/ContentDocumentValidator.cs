using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Content.Fields;
using RallyNov.Core.Data;
using RallyNov.Core.Text;

namespace RallyNov.Core.Content;

/// <summary>A document that passed validation, with the columns derived from it.</summary>
internal sealed record ValidatedContent(JsonObject Content, string DisplayText, string? Slug, IReadOnlyList<ContentValidationError> Errors);

/// <summary>
/// Validation that needs the database: slug uniqueness and references to terms and items.
/// One query per referencing field, whatever the number of values.
/// </summary>
internal sealed class ContentDocumentValidator(RallyNovDbContext db)
{
    public async Task<ValidatedContent> ValidateAsync(ContentTypeDefinition type, ContentItem input, CancellationToken cancellationToken)
    {
        var errors = new List<ContentValidationError>();
        var content = FieldValueValidator.Normalize(type, input.Content, errors, cancellationToken);
        var displayText = type.TitleField is { } titleField ? content[titleField]?.GetValue<string>() ?? "" : "";

        string? slug = null;
        if (type.SlugField is { } slugField)
        {
            slug = content[slugField.Name]?.GetValue<string>();
            if (slug is null)
            {
                var source = slugField.SlugSource is null ? null : content[slugField.SlugSource]?.GetValue<string>();
                var generated = SlugHelper.Slugify(source);
                if (generated.Length > 0)
                {
                    slug = await FreeSlugAsync(generated, input.ContentItemId, cancellationToken);
                    content[slugField.Name] = slug;
                }
                else if (slugField.Required)
                {
                    errors.Add(new ContentValidationError(slugField.Name, $"« {slugField.DisplayName} » est obligatoire."));
                }
            }
            else if (await SlugTakenAsync(slug, input.ContentItemId, cancellationToken))
            {
                errors.Add(new ContentValidationError(slugField.Name, $"L'adresse « {slug} » est déjà utilisée par un autre contenu de ce site."));
            }
        }

        foreach (var field in type.Fields)
        {
            if (content[field.Name] is not JsonArray values)
            {
                continue;
            }

            var keys = values.Select(v => v!.GetValue<string>()).ToList();
            if (field.Kind == FieldKind.Taxonomy)
            {
                await CheckTermsAsync(field, keys, errors, cancellationToken);
            }
            else if (field.Kind == FieldKind.ContentPicker)
            {
                await CheckItemsAsync(field, keys, input.ContentItemId, errors, cancellationToken);
            }
        }

        return new ValidatedContent(content, displayText, slug, errors);
    }

    /// <summary>The slug itself when free, otherwise the first free "slug-2", "slug-3"...</summary>
    public async Task<string> FreeSlugAsync(string slug, string contentItemId, CancellationToken cancellationToken)
    {
        var prefix = slug + "-";
        var taken = await db.ContentItems.AsNoTracking()
            .Where(x => x.ContentItemId != contentItemId && (x.Latest || x.Published) && x.DeletedUtc == null)
            .Where(x => x.Slug == slug || x.Slug!.StartsWith(prefix))
            .Select(x => x.Slug!)
            .ToListAsync(cancellationToken);
        var set = taken.ToHashSet(StringComparer.Ordinal);
        if (!set.Contains(slug))
        {
            return slug;
        }

        for (var i = 2; ; i++)
        {
            var candidate = $"{slug}-{i}";
            if (!set.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private Task<bool> SlugTakenAsync(string slug, string contentItemId, CancellationToken cancellationToken) =>
        db.ContentItems.AsNoTracking().AnyAsync(
            x => x.Slug == slug && x.ContentItemId != contentItemId && (x.Latest || x.Published) && x.DeletedUtc == null,
            cancellationToken);

    private async Task CheckTermsAsync(ContentFieldDefinition field, List<string> slugs, List<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var known = await db.Terms.AsNoTracking()
            .Where(t => db.Vocabularies.Any(v => v.Id == t.VocabularyId && v.Name == field.Vocabulary) && slugs.Contains(t.Slug))
            .Select(t => t.Slug)
            .ToListAsync(cancellationToken);
        foreach (var missing in slugs.Except(known, StringComparer.Ordinal))
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : le terme « {missing} » n'existe pas dans la liste {field.Vocabulary}."));
        }
    }

    private async Task CheckItemsAsync(ContentFieldDefinition field, List<string> ids, string selfId, List<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var found = await db.ContentItems.AsNoTracking()
            .Where(x => ids.Contains(x.ContentItemId) && x.Latest && x.DeletedUtc == null)
            .Select(x => new { x.ContentItemId, x.ContentType })
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var item = found.FirstOrDefault(f => f.ContentItemId == id);
            if (item is null || id == selfId)
            {
                errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : le contenu « {id} » n'existe pas."));
            }
            else if (field.AllowedTypes.Count > 0 && !field.AllowedTypes.Contains(item.ContentType, StringComparer.Ordinal))
            {
                errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » n'accepte pas les contenus de type {item.ContentType}."));
            }
        }
    }
}
