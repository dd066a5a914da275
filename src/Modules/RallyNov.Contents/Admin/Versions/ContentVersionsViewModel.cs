using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Contents.Admin.Versions;

public sealed class ContentVersionsViewModel
{
    /// <summary>The latest version (what the editor opens).</summary>
    public required ContentItem Item { get; init; }

    public required ContentTypeDefinition Type { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<ContentItem> Versions { get; init; }
}

public sealed class ContentVersionDiffViewModel
{
    public required ContentItem Item { get; init; }

    public required ContentTypeDefinition Type { get; init; }

    /// <summary>The version the page is about (the one that can be restored).</summary>
    public required ContentItem Version { get; init; }

    /// <summary>The older side of the comparison; null for the first version.</summary>
    public ContentItem? From { get; init; }

    public required ContentItem To { get; init; }

    public required IReadOnlyList<FieldChange> Changes { get; init; }

    /// <summary>Titles of the items a content picker added or removed, by id.</summary>
    public required IReadOnlyDictionary<string, string> Titles { get; init; }

    /// <summary>Names of the terms of the changed taxonomy fields, keyed "field/slug".</summary>
    public IReadOnlyDictionary<string, string> TermNames { get; init; } = new Dictionary<string, string>();

    /// <summary>What a list value shows: a picked item's title, a term's name, else the stored value.</summary>
    public string Label(FieldChange change, string value) => change.Kind switch
    {
        FieldKind.ContentPicker when Titles.TryGetValue(value, out var title) => title,
        FieldKind.Taxonomy when TermNames.TryGetValue($"{change.Field}/{value}", out var name) => name,
        _ => value,
    };
}
