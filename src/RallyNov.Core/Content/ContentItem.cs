using System.Text.Json.Nodes;

namespace RallyNov.Core.Content;

/// <summary>
/// One version of a content item. All versions of an item share <see cref="ContentItemId"/>;
/// at most one is <see cref="Latest"/> and at most one is <see cref="Published"/>.
/// The fields live in <see cref="Content"/> (one JSON document); what lists filter on is in columns.
/// </summary>
public sealed class ContentItem
{
    /// <summary>Database row id; 0 until stored.</summary>
    public long Id { get; set; }

    public string ContentItemId { get; set; } = "";

    /// <summary>The version this object was loaded from, used to detect concurrent edits.</summary>
    public string ContentItemVersionId { get; set; } = "";

    /// <summary>1 for the first version, then +1 on each saved version.</summary>
    public int VersionNumber { get; set; }

    public string ContentType { get; set; } = "";

    public string DisplayText { get; set; } = "";

    public string? Slug { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    /// <summary>User name of the owner (who the item belongs to).</summary>
    public string? Owner { get; set; }

    /// <summary>User name of whoever saved this version.</summary>
    public string? Author { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    /// <summary>Set when the item is in the bin (soft delete); cleared on restore.</summary>
    public DateTime? DeletedUtc { get; set; }

    /// <summary>
    /// Set on the latest draft when its owner asks for a review ("Soumettre pour relecture");
    /// cleared when the item is published or when somebody other than the owner saves a new draft.
    /// See <see cref="IContentWorkflow"/> for the rules.
    /// </summary>
    public DateTime? ReviewRequestedUtc { get; set; }

    /// <summary>
    /// When the latest draft is due to be published, UTC. It approves this version only: any new
    /// save clears it, so later, unreviewed changes are never published by the scheduler.
    /// </summary>
    public DateTime? ScheduledPublishUtc { get; set; }

    public JsonObject Content { get; set; } = [];

    public bool IsNew => string.IsNullOrEmpty(ContentItemVersionId);

    /// <summary>Reads a field as a string (text, rich text, markdown, slug).</summary>
    public string? GetString(string field) =>
        Content[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public void Set(string field, JsonNode? value) => Content[field] = value;

    /// <summary>A detached copy, so a caller's edits never leak into a tracked entity.</summary>
    public ContentItem Clone() => new()
    {
        Id = Id,
        ContentItemId = ContentItemId,
        ContentItemVersionId = ContentItemVersionId,
        VersionNumber = VersionNumber,
        ContentType = ContentType,
        DisplayText = DisplayText,
        Slug = Slug,
        Latest = Latest,
        Published = Published,
        Owner = Owner,
        Author = Author,
        CreatedUtc = CreatedUtc,
        ModifiedUtc = ModifiedUtc,
        PublishedUtc = PublishedUtc,
        DeletedUtc = DeletedUtc,
        ReviewRequestedUtc = ReviewRequestedUtc,
        ScheduledPublishUtc = ScheduledPublishUtc,
        Content = (JsonObject)Content.DeepClone(),
    };
}
