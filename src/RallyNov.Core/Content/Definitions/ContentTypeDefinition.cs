namespace RallyNov.Core.Content.Definitions;

/// <summary>A content type as its module declared it: settings plus ordered fields.</summary>
public sealed class ContentTypeDefinition
{
    private readonly Dictionary<string, ContentFieldDefinition> _fieldsByName = new(StringComparer.Ordinal);
    private readonly List<ContentFieldDefinition> _fields = [];

    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Module that declared the type; the type exists only where that module is enabled.</summary>
    public required string ModuleId { get; init; }

    /// <summary>Editors may create items of this type from the back office.</summary>
    public bool Creatable { get; set; }

    /// <summary>Items have drafts; otherwise every save publishes.</summary>
    public bool Draftable { get; set; }

    /// <summary>Every save keeps the previous version; otherwise a draft is updated in place.</summary>
    public bool Versionable { get; set; }

    /// <summary>Shown in the back-office content lists.</summary>
    public bool Listable { get; set; }

    /// <summary>Public URL pattern with a {slug} placeholder, e.g. "/initiatives/{slug}"; null when the type has no page.</summary>
    public string? RoutePattern { get; set; }

    public IReadOnlyList<ContentFieldDefinition> Fields => _fields;

    /// <summary>The text field used as the item's display text (its title).</summary>
    public string? TitleField { get; set; }

    public ContentFieldDefinition? SlugField => _fields.FirstOrDefault(f => f.Kind == FieldKind.Slug);

    public ContentFieldDefinition? Field(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>The public URL of an item of this type (relative to the tenant), or null.</summary>
    public string? UrlFor(string? slug) =>
        RoutePattern is null || string.IsNullOrEmpty(slug) ? null : RoutePattern.Replace("{slug}", slug, StringComparison.Ordinal);

    internal void AddField(ContentFieldDefinition field)
    {
        if (!_fieldsByName.TryAdd(field.Name, field))
        {
            throw new InvalidOperationException($"Content type '{Name}' declares field '{field.Name}' twice.");
        }

        _fields.Add(field);
    }
}
