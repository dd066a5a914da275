using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using RallyNov.Core.Tenants;
using RallyNov.Search.Lucene.Indexing;
using Term = Lucene.Net.Index.Term;

namespace RallyNov.Search.Lucene.Querying;

public sealed record Suggestion(string Text, string Kind, string? Url);

/// <summary>
/// Completions while typing: titles that start with (or contain a word starting with) what was
/// typed, then frequent indexed words with that prefix. Accent-insensitive: "epi" finds "Épicerie".
/// </summary>
public interface ISuggestionService
{
    IReadOnlyList<Suggestion> Suggest(string? prefix, int max = 8);
}

internal sealed class SuggestionService(SearchIndexRegistry registry, TenantContext tenant) : ISuggestionService
{
    private const int MinLength = 2;
    private const int MaxWords = 8;
    private const int MaxInput = 200;

    public IReadOnlyList<Suggestion> Suggest(string? prefix, int max = 8)
    {
        var typed = (prefix ?? "").Trim();
        var all = Analyze.Terms(TenantSearchIndex.CreateAnalyzer(), SearchFields.TitleExact, typed.Length > MaxInput ? typed[^MaxInput..] : typed);

        // A title is matched by its last few words: a pasted page of text must not become a query of thousands of clauses.
        var words = all.Count > MaxWords ? all.Skip(all.Count - MaxWords).ToList() : all;
        if (words.Count == 0 || words[^1].Length < MinLength)
        {
            return [];
        }

        max = Math.Clamp(max, 1, 8);
        try
        {
            var index = registry.Get(tenant);
            return index.Ready ? Suggest(index, words, max) : [];
        }
        catch (SearchIndexUnavailableException)
        {
            // Completions are a comfort: none while the index is being rebuilt.
            return [];
        }
    }

    private List<Suggestion> Suggest(TenantSearchIndex index, IReadOnlyList<string> words, int max)
    {
        return index.Search(searcher =>
        {
            var suggestions = new List<Suggestion>();
            var titles = new BooleanQuery();
            foreach (var word in words.Take(words.Count - 1))
            {
                titles.Add(new TermQuery(new Term(SearchFields.TitleExact, word)), Occur.MUST);
            }

            titles.Add(new PrefixQuery(new Term(SearchFields.TitleExact, words[^1])), Occur.MUST);
            foreach (var hit in searcher.Search(titles, max).ScoreDocs)
            {
                var doc = searcher.Doc(hit.Doc);
                var url = doc.Get(SearchFields.Url);
                suggestions.Add(new Suggestion(doc.Get(SearchFields.Title), "title", url is null ? null : tenant.Prefix + url));
            }

            if (words.Count == 1)
            {
                foreach (var term in FrequentTerms(searcher.IndexReader, words[0], max - suggestions.Count))
                {
                    if (!suggestions.Any(s => string.Equals(s.Text, term, StringComparison.OrdinalIgnoreCase)))
                    {
                        suggestions.Add(new Suggestion(term, "term", null));
                    }
                }
            }

            return suggestions.Take(max).ToList();
        });
    }

    /// <summary>Indexed words starting with the prefix, most frequent first (a bounded scan of the term dictionary).</summary>
    private static IEnumerable<string> FrequentTerms(IndexReader reader, string prefix, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        // At most 2 000 words read per keystroke, however short the prefix.
        var found = TermDictionary.WithPrefix(reader, SearchFields.AllExact, new BytesRef(prefix))
            .Take(2000)
            .Select(t => (Term: t.Term.Utf8ToString(), Frequency: t.DocFreq))
            .ToList();
        return found.OrderByDescending(f => f.Frequency).ThenBy(f => f.Term, StringComparer.Ordinal).Take(count).Select(f => f.Term);
    }
}
