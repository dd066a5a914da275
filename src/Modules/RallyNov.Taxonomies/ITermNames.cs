using RallyNov.Core.Taxonomies;

namespace RallyNov.Taxonomies;

/// <summary>
/// Turns term slugs stored in content into what visitors read. All vocabularies of the tenant
/// are read in one query, once per request, whatever the number of items on the page.
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

internal sealed class TermNames(ITaxonomyService taxonomies) : ITermNames
{
    private Dictionary<string, Vocabulary>? _vocabularies;

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
        if (_vocabularies is null)
        {
            var all = await taxonomies.ListAsync(cancellationToken);
            _vocabularies = all.ToDictionary(v => v.Name, StringComparer.Ordinal);
        }

        return _vocabularies.TryGetValue(vocabulary, out var found) ? found.Terms.OrderBy(t => t.Order).ToList() : [];
    }
}
