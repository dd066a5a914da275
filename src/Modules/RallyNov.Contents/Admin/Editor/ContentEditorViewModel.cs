using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Taxonomies;

namespace RallyNov.Contents.Admin.Editor;

/// <summary>An item that a content picker may offer.</summary>
public sealed record PickerOption(string Id, string Title, string Type);

/// <summary>Everything the create/edit form shows: the values (stored or as posted), errors, allowed buttons.</summary>
public sealed class ContentEditorViewModel
{
    public required ContentTypeDefinition Type { get; init; }

    /// <summary>The latest stored version, null for a new item (the workflow aside needs it).</summary>
    public ContentItem? Item { get; init; }

    public required string ContentItemId { get; init; }

    /// <summary>The version the form was loaded from, posted back to detect concurrent edits.</summary>
    public string ContentItemVersionId { get; set; } = "";

    public required JsonObject Values { get; init; }

    public IReadOnlyList<ContentValidationError> Errors { get; set; } = [];

    /// <summary>Set when another save happened while this form was open.</summary>
    public string? Conflict { get; set; }

    public bool IsNew => Item is null;

    public bool IsDeleted => Item?.DeletedUtc is not null;

    public bool CanEdit { get; init; }

    public bool CanPublish { get; init; }

    public bool CanDelete { get; init; }

    /// <summary>The public URL of the published version, if any.</summary>
    public string? PublicUrl { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<Term>>();

    public IReadOnlyDictionary<string, IReadOnlyList<PickerOption>> PickerOptions { get; init; } = new Dictionary<string, IReadOnlyList<PickerOption>>();

    /// <summary>Whether image fields offer « Téléverser »: the media module is on and the user may manage media.</summary>
    public bool CanUploadMedia { get; init; }

    /// <summary>"10 Mo": the largest file the media library takes.</summary>
    public string MaxUploadLabel { get; init; } = "";

    /// <summary>Largest file the media library takes, in bytes (0 when uploads are off).</summary>
    public long MaxUploadBytes { get; init; }

    /// <summary>Rendered Markdown previews asked for without JavaScript, by field name.</summary>
    public Dictionary<string, string> MarkdownPreviews { get; } = new(StringComparer.Ordinal);

    public FieldEditorModel Editor(ContentFieldDefinition field) => new()
    {
        Field = field,
        Type = Type,
        Value = Values[field.Name],
        Errors = Errors.Where(e => e.Field == field.Name).Select(e => e.Message).ToList(),
        Terms = field.Vocabulary is { } vocabulary ? Terms.GetValueOrDefault(vocabulary) ?? [] : [],
        PickerOptions = PickerOptions.GetValueOrDefault(field.Name) ?? [],
        MarkdownPreview = MarkdownPreviews.GetValueOrDefault(field.Name),
        CanUpload = CanUploadMedia,
        MaxUploadLabel = MaxUploadLabel,
    };
}

/// <summary>One field's editor: its definition, current value and French error messages.</summary>
public sealed class FieldEditorModel
{
    public required ContentFieldDefinition Field { get; init; }

    public required ContentTypeDefinition Type { get; init; }

    public JsonNode? Value { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public IReadOnlyList<Term> Terms { get; init; } = [];

    public IReadOnlyList<PickerOption> PickerOptions { get; init; } = [];

    public string? MarkdownPreview { get; init; }

    /// <summary>Media fields: a file input (and, with the scripts, drag and drop) is offered.</summary>
    public bool CanUpload { get; init; }

    public string MaxUploadLabel { get; init; } = "";

    /// <summary>Text fields edited in a textarea with a character counter under them.</summary>
    public bool HasCounter => Field.Kind == FieldKind.Text && Field.Multiline && Field.MaxLength is not null && Field.Options.Count == 0;

    public string Name(string? part = null) => ContentForm.NameOf(Field, part);

    public string Id(string? part = null) => ContentForm.IdOf(Field, part);

    public string ErrorId => ContentForm.ErrorIdOf(Field);

    public bool Invalid => Errors.Count > 0;

    /// <summary>aria-describedby: the hint and, when invalid, the error message.</summary>
    public string? DescribedBy
    {
        get
        {
            var ids = new List<string>();
            if (!string.IsNullOrEmpty(Field.Hint) || Field.Kind == FieldKind.Slug)
            {
                ids.Add(Id() + "-hint");
            }

            if (HasCounter)
            {
                ids.Add(Id() + "-count");
            }

            if (Invalid)
            {
                ids.Add(ErrorId);
            }

            return ids.Count == 0 ? null : string.Join(' ', ids);
        }
    }

    public string Text(string? part = null) => ContentForm.Text(Value, part);

    public IReadOnlyList<string> Values => ContentForm.Values(Value);
}
