using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>
/// Recent answers of the search service, reused while the index they were read from has not
/// changed (its reader version is in the key) and for a minute at most (facet labels come from
/// the vocabularies, cached as long). Popular queries then cost a dictionary lookup. On by
/// default; <c>RallyNov:Search:AnswerCache=false</c> switches it off, and the benchmark measures
/// the search itself with it off.
/// </summary>
internal sealed class SearchAnswerCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // A bounded cache of its own: answers must not crowd out the site's other cached data.
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    public SearchAnswerCache(IConfiguration configuration) =>
        Enabled = configuration.GetValue("RallyNov:Search:AnswerCache", defaultValue: true);

    public bool Enabled { get; set; }

    public static string Key(string tenant, IEnumerable<long> indexVersions, SearchRequest request)
    {
        var key = new StringBuilder(tenant).Append('|').AppendJoin(',', indexVersions).Append('|')
            .Append(UserQueryParser.Normalize(request.Query)).Append('|')
            .AppendJoin(',', request.Types.Order(StringComparer.Ordinal)).Append('|');
        foreach (var (name, values) in request.Filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            key.Append(name).Append('=').AppendJoin(',', values.Order(StringComparer.Ordinal)).Append(';');
        }

        return key.Append('|').Append(request.Page).Append('|').Append(request.Size).Append('|').Append(request.AllTenants).ToString();
    }

    /// <param name="key">Null when the cache is off (<see cref="Key"/> is then not worth computing).</param>
    public bool TryGet(string? key, out SearchResponse? response)
    {
        response = null;
        return key is not null && _answers.TryGetValue(key, out response);
    }

    public void Set(string? key, SearchResponse response)
    {
        if (key is not null)
        {
            _answers.Set(key, response, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        }
    }

    public void Dispose() => _answers.Dispose();
}
