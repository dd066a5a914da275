using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Contents.Admin;

/// <summary>The filters of the content list, as they travel in the query string.</summary>
public sealed class ContentListFilter
{
    public string? Type { get; set; }

    /// <summary>latest (default), published, draft, publishedwithdraft, awaitingreview, scheduled, deleted.</summary>
    public string? Status { get; set; }

    public string? Owner { get; set; }

    /// <summary>Text contained in the title.</summary>
    public string? Q { get; set; }

    /// <summary>modified (default) or title.</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;
}

public sealed class ContentListViewModel
{
    public required ContentListFilter Filter { get; init; }

    public required ContentStatus Status { get; init; }

    public required PagedResult<ContentItem> Result { get; init; }

    /// <summary>The listable types of the tenant, for the filter and the type column.</summary>
    public required IReadOnlyList<ContentTypeDefinition> Types { get; init; }

    public string TypeName(string type) => Types.FirstOrDefault(t => t.Name == type)?.DisplayName ?? type;

    /// <summary>French labels of the statuses, in the order of the filter.</summary>
    public static IReadOnlyList<(ContentStatus Status, string Label)> Statuses { get; } =
    [
        (ContentStatus.Latest, "Tous"),
        (ContentStatus.Published, "Publiés"),
        (ContentStatus.Draft, "Brouillons"),
        (ContentStatus.PublishedWithDraft, "Publiés avec modifications en attente"),
        (ContentStatus.AwaitingReview, "En attente de relecture"),
        (ContentStatus.Scheduled, "Publication programmée"),
        (ContentStatus.Deleted, "Corbeille"),
    ];

    /// <summary>The same filters on another page.</summary>
    public IDictionary<string, string> RouteFor(int page)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Add(values, "type", Filter.Type);
        Add(values, "status", Filter.Status);
        Add(values, "owner", Filter.Owner);
        Add(values, "q", Filter.Q);
        Add(values, "sort", Filter.Sort);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value;
        }
    }
}
