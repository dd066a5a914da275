namespace RallyNov.Core.Content.Definitions;

/// <summary>The kinds of field a content type is made of. Each has one editor and one JSON shape.</summary>
public enum FieldKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>HTML string, sanitized on save.</summary>
    RichText,

    /// <summary>Markdown source string, rendered (and sanitized) on display.</summary>
    Markdown,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>"yyyy-MM-dd" or "yyyy-MM-ddTHH:mm", local time of Europe/Paris.</summary>
    DateTime,

    /// <summary>{ "url": "...", "text": "..." }.</summary>
    Link,

    /// <summary>{ "path": "...", "alt": "..." }; alt text is mandatory for an image.</summary>
    Media,

    /// <summary>Array of term slugs of one vocabulary.</summary>
    Taxonomy,

    /// <summary>Array of content item ids.</summary>
    ContentPicker,

    /// <summary>The item's URL segment, unique per tenant, accents folded.</summary>
    Slug,
}

/// <summary>One field of a content type, with its validation rules.</summary>
public sealed class ContentFieldDefinition
{
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    public required FieldKind Kind { get; init; }

    public bool Required { get; set; }

    public int? MaxLength { get; set; }

    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    /// <summary>Number fields: whole numbers only.</summary>
    public bool Integer { get; set; }

    /// <summary>DateTime fields: a date without time.</summary>
    public bool DateOnly { get; set; }

    /// <summary>Taxonomy and content picker fields: several values allowed.</summary>
    public bool Multiple { get; set; }

    /// <summary>Taxonomy fields: the vocabulary the terms come from.</summary>
    public string? Vocabulary { get; set; }

    /// <summary>Content picker fields: the types that may be picked (empty = any).</summary>
    public List<string> AllowedTypes { get; } = [];

    /// <summary>Text fields: the allowed values (a choice list), empty for free text.</summary>
    public List<string> Options { get; } = [];

    /// <summary>Slug fields: the field the slug is generated from when left empty.</summary>
    public string? SlugSource { get; set; }

    /// <summary>
    /// Search facet this field feeds ("departement", "theme", "annee"...), or null. Taxonomy
    /// fields give their term slugs, dates and numbers their year or value.
    /// </summary>
    public string? Facet { get; set; }

    /// <summary>Text fields: several lines (a textarea with a character counter), line breaks kept.</summary>
    public bool Multiline { get; set; }

    /// <summary>Media fields: an SVG image is accepted too (logos); otherwise JPEG, PNG, WebP or GIF only.</summary>
    public bool AllowSvg { get; set; }

    /// <summary>Help text for editors, in French.</summary>
    public string? Hint { get; set; }
}
