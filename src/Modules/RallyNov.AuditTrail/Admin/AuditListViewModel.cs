using Microsoft.AspNetCore.Http;
using RallyNov.AuditTrail.Data;
using RallyNov.Core.Content;

namespace RallyNov.AuditTrail.Admin;

/// <summary>The query string of /admin/audit ("du"/"au" are yyyy-MM-dd dates in Paris time).</summary>
public sealed class AuditFilter
{
    public string? User { get; set; }

    public string? Action { get; set; }

    public string? Category { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Item { get; set; }

    public int Page { get; set; } = 1;
}

public sealed class AuditListViewModel
{
    public required AuditFilter Filter { get; init; }

    public required PagedResult<AuditEntry> Result { get; init; }

    /// <summary>Action codes offered in the filter.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    /// <summary>
    /// The current filters with another page number. Built by hand, not with route values: "action"
    /// is a filter here, and as a route value it would name the MVC action.
    /// </summary>
    public string PageUrl(string path, int page)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(values, "user", Filter.User);
        Add(values, "action", Filter.Action);
        Add(values, "category", Filter.Category);
        Add(values, "from", Filter.From);
        Add(values, "to", Filter.To);
        Add(values, "item", Filter.Item);
        values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return path + QueryString.Create(values);
    }

    /// <summary>Content events link to the item's editor; other items have no page of their own.</summary>
    public static bool LinksToContent(AuditEntry entry) =>
        entry.Category == Core.Auditing.AuditCategories.Content && !string.IsNullOrEmpty(entry.ItemId);

    private static void Add(Dictionary<string, string?> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value;
        }
    }
}
