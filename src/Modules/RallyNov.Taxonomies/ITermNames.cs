using RallyNov.Core.Caching;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Taxonomies;

/// <summary>
/// Turns term slugs stored in content into what visitors read. All vocabularies of the tenant
/// are read in one query and kept until the tenant changes, whatever the number of items on the page.
/// </summary>
public interface ITermNames
{
    /// <summary>The term's name, or the slug itself when the term was removed since (never an empty label).</summary>
    Task<string> NameAsync(string vocabulary, string slug, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> NamesAsync(string vocabulary, IEnumerable<string> slugs, CancellationToken cancellationToken = default);

    /// <summary>The term with its data (e.g. a département's region), or null.</summary>
    Task<Term?> FindAsync(string vocabulary, string slug, CancellationToken cancellationToken = default);

    /// <summary>The terms of a vocabulary in editorial order (empty when it does not exist).</summary>
    Task<IReadOnlyList<Term>> TermsAsync(string vocabulary, CancellationToken cancellationToken = default);
}

internal sealed class TermNames(ITaxonomyService taxonomies, ISiteDataCache cache, TenantContext tenant) : ITermNames
{
    private Dictionary<string, IReadOnlyList<Term>>? _vocabularies;

    public async Task<string> NameAsync(string vocabulary, string slug, CancellationToken cancellationToken = default) =>
        (await FindAsync(vocabulary, slug, cancellationToken))?.Name ?? slug;

    public async Task<IReadOnlyList<string>> NamesAsync(string vocabulary, IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var slug in slugs)
        {
            names.Add(await NameAsync(vocabulary, slug, cancellationToken));
        }

        return names;
    }

    public async Task<Term?> FindAsync(string vocabulary, string slug, CancellationToken cancellationToken = default) =>
        (await TermsAsync(vocabulary, cancellationToken)).FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.Ordinal));

    public async Task<IReadOnlyList<Term>> TermsAsync(string vocabulary, CancellationToken cancellationToken = default)
    {
        // Shared by every request until the tenant changes (a vocabulary saved moves its version).
        _vocabularies ??= await cache.GetOrCreateAsync(tenant.Settings, "taxonomies:terms", async ct =>
            (await taxonomies.ListAsync(ct)).ToDictionary(v => v.Name, v => (IReadOnlyList<Term>)v.Terms.OrderBy(t => t.Order).ToList(), StringComparer.Ordinal),
            cancellationToken);
        return _vocabularies.TryGetValue(vocabulary, out var found) ? found : [];
    }
}
