namespace RallyNov.Core.Content.Definitions;

/// <summary>Collects the content types modules declare at start-up.</summary>
public sealed class ContentDefinitionBuilder
{
    private readonly List<ContentTypeDefinition> _types = [];

    internal string ModuleId { get; set; } = "";

    public IReadOnlyList<ContentTypeDefinition> Types => _types;

    public ContentDefinitionBuilder Type(string name, string displayName, Action<ContentTypeBuilder> configure)
    {
        if (_types.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Content type '{name}' is declared twice.");
        }

        var type = new ContentTypeDefinition { Name = name, DisplayName = displayName, ModuleId = ModuleId };
        configure(new ContentTypeBuilder(type));
        if (type.SlugField is { SlugSource: null } slug && type.TitleField is not null)
        {
            slug.SlugSource = type.TitleField;
        }

        _types.Add(type);
        return this;
    }
}

/// <summary>Fluent declaration of one content type: adding a field is one line.</summary>
public sealed class ContentTypeBuilder
{
    private readonly ContentTypeDefinition _type;

    internal ContentTypeBuilder(ContentTypeDefinition type) => _type = type;

    public ContentTypeBuilder Creatable(bool value = true) => Apply(() => _type.Creatable = value);

    public ContentTypeBuilder Draftable(bool value = true) => Apply(() => _type.Draftable = value);

    public ContentTypeBuilder Versionable(bool value = true) => Apply(() => _type.Versionable = value);

    public ContentTypeBuilder Listable(bool value = true) => Apply(() => _type.Listable = value);

    /// <summary>Public route of the detail page, e.g. "/initiatives/{slug}".</summary>
    public ContentTypeBuilder Route(string pattern) => Apply(() => _type.RoutePattern = pattern);

    /// <summary>The required title (display text), 200 characters by default.</summary>
    public ContentTypeBuilder Title(string displayName = "Titre", Action<FieldBuilder>? configure = null)
    {
        Field("Title", displayName, FieldKind.Text, f =>
        {
            f.Required().MaxLength(200);
            configure?.Invoke(f);
        });
        _type.TitleField = "Title";
        return this;
    }

    /// <summary>The URL segment, generated from the title when left empty.</summary>
    public ContentTypeBuilder Slug(string displayName = "Adresse (slug)", Action<FieldBuilder>? configure = null) =>
        Field("Slug", displayName, FieldKind.Slug, f =>
        {
            f.MaxLength(120).Hint("Laisser vide pour la générer depuis le titre.");
            configure?.Invoke(f);
        });

    public ContentTypeBuilder Text(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.Text, configure);

    public ContentTypeBuilder RichText(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.RichText, configure);

    public ContentTypeBuilder Markdown(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.Markdown, configure);

    public ContentTypeBuilder Number(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.Number, configure);

    public ContentTypeBuilder Boolean(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.Boolean, configure);

    public ContentTypeBuilder DateTime(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.DateTime, configure);

    public ContentTypeBuilder Link(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.Link, configure);

    public ContentTypeBuilder Media(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.Media, configure);

    public ContentTypeBuilder Taxonomy(string name, string displayName, string vocabulary, Action<FieldBuilder>? configure = null) =>
        Field(name, displayName, FieldKind.Taxonomy, f =>
        {
            f.Definition.Vocabulary = vocabulary;
            configure?.Invoke(f);
        });

    public ContentTypeBuilder ContentPicker(string name, string displayName, Action<FieldBuilder>? configure = null) => Field(name, displayName, FieldKind.ContentPicker, configure);

    public ContentTypeBuilder Field(string name, string displayName, FieldKind kind, Action<FieldBuilder>? configure = null)
    {
        var field = new ContentFieldDefinition { Name = name, DisplayName = displayName, Kind = kind };
        configure?.Invoke(new FieldBuilder(field));
        _type.AddField(field);
        return this;
    }

    private ContentTypeBuilder Apply(Action action)
    {
        action();
        return this;
    }
}

/// <summary>Validation rules and settings of one field.</summary>
public sealed class FieldBuilder
{
    internal FieldBuilder(ContentFieldDefinition definition) => Definition = definition;

    internal ContentFieldDefinition Definition { get; }

    public FieldBuilder Required(bool value = true) => Apply(() => Definition.Required = value);

    public FieldBuilder MaxLength(int value) => Apply(() => Definition.MaxLength = value);

    public FieldBuilder Range(decimal minimum, decimal maximum) => Apply(() =>
    {
        Definition.Minimum = minimum;
        Definition.Maximum = maximum;
    });

    public FieldBuilder Integer() => Apply(() => Definition.Integer = true);

    public FieldBuilder DateOnly() => Apply(() => Definition.DateOnly = true);

    public FieldBuilder Multiple(bool value = true) => Apply(() => Definition.Multiple = value);

    public FieldBuilder Types(params string[] contentTypes) => Apply(() => Definition.AllowedTypes.AddRange(contentTypes));

    public FieldBuilder Options(params string[] values) => Apply(() => Definition.Options.AddRange(values));

    public FieldBuilder From(string sourceField) => Apply(() => Definition.SlugSource = sourceField);

    public FieldBuilder Hint(string text) => Apply(() => Definition.Hint = text);

    /// <summary>Text fields: edited in a textarea with a live character counter (summaries, descriptions).</summary>
    public FieldBuilder Multiline() => Apply(() => Definition.Multiline = true);

    /// <summary>Media fields: accept an SVG image (sanitized by the media library), for logos.</summary>
    public FieldBuilder AllowSvg() => Apply(() => Definition.AllowSvg = true);

    /// <summary>Makes the field a search facet under this name (e.g. "departement").</summary>
    public FieldBuilder Facet(string name) => Apply(() => Definition.Facet = name);

    private FieldBuilder Apply(Action action)
    {
        action();
        return this;
    }
}
