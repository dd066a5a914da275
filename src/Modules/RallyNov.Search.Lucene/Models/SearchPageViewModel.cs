using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RallyNov.Search.Lucene.Querying;

namespace RallyNov.Search.Lucene.Models;

public sealed class SearchPageViewModel
{
    public required SearchRequest Request { get; init; }

    public required SearchResponse Response { get; init; }

    /// <summary>The portal offers "toutes les régions".</summary>
    public bool CanSearchAllTenants { get; init; }

    /// <summary>Display names of tenants, for hits of a federated search.</summary>
    public IReadOnlyDictionary<string, string> TenantNames { get; init; } = new Dictionary<string, string>();

    public IQueryCollection Query { get; init; } = QueryCollection.Empty;

    public int PageCount => Response.Size == 0 ? 0 : (Response.Total + Response.Size - 1) / Response.Size;

    public bool IsActive(string parameter, string value) => Query[parameter].Contains(value);

    /// <summary>The current search with one filter value switched on or off (and back to page 1).</summary>
    public string Toggle(string parameter, string value)
    {
        var values = Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        var current = values.GetValueOrDefault(parameter).Where(v => v is not null).Select(v => v!).ToList();
        if (!current.Remove(value))
        {
            current.Add(value);
        }

        values[parameter] = new StringValues(current.ToArray());
        values.Remove("page");
        return QueryString.Create(values.Where(v => v.Value.Count > 0)).ToString();
    }

    public string WithPage(int page)
    {
        var values = Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryString.Create(values).ToString();
    }

    public string WithQuery(string text)
    {
        var values = Query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
        values["q"] = text;
        values.Remove("page");
        return QueryString.Create(values).ToString();
    }
}
