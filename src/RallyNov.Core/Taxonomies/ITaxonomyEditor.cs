using System.Text.Json.Nodes;

namespace RallyNov.Core.Taxonomies;

/// <summary>
/// The back office's changes to the terms of a vocabulary. Each runs in one transaction with the
/// content it touches: an identifier that changes, a term merged into another or deleted with a
/// replacement re-tags every version of every item that carried it (drafts stay drafts, published
/// items stay published, no version is added), and published items get an IndexingTasks row so
/// each search index follows. Old identifiers are kept on the term that took their place
/// (<see cref="TermData.FormerSlugs"/>), so filter URLs that used them still lead somewhere (301).
/// Every change is recorded in the audit trail.
/// </summary>
public interface ITaxonomyEditor
{
    /// <summary>How many items use each term: items whose latest or published version carries it, bin excluded.</summary>
    Task<IReadOnlyDictionary<string, int>> UsageAsync(string vocabulary, CancellationToken cancellationToken);

    /// <summary>Adds a term at the end; an empty identifier is made from the name.</summary>
    Task<TermChangeResult> AddAsync(string vocabulary, string? name, string? slug, CancellationToken cancellationToken);

    /// <summary>Changes a term's name and/or identifier; a new identifier re-tags the items.</summary>
    Task<TermChangeResult> RenameAsync(string vocabulary, string slug, string? name, string? newSlug, CancellationToken cancellationToken);

    /// <summary>Moves a term up (negative offset) or down in the editorial order.</summary>
    Task<TermChangeResult> MoveAsync(string vocabulary, string slug, int offset, CancellationToken cancellationToken);

    /// <summary>Moves every item of <paramref name="slug"/> to <paramref name="target"/>, then removes <paramref name="slug"/>.</summary>
    Task<TermChangeResult> MergeAsync(string vocabulary, string slug, string? target, CancellationToken cancellationToken);

    /// <summary>Removes a term; one still in use needs a <paramref name="replacement"/>, which its items get instead.</summary>
    Task<TermChangeResult> DeleteAsync(string vocabulary, string slug, string? replacement, CancellationToken cancellationToken);
}

/// <summary>The outcome of a term change: the French error and the form field it belongs to, or how many items were re-tagged.</summary>
public sealed record TermChangeResult(bool Succeeded, string? Field = null, string? Error = null, int Retagged = 0, Term? Term = null)
{
    public const string NameField = "Name";
    public const string SlugField = "Slug";
    public const string TargetField = "Target";

    public static TermChangeResult Fail(string field, string error) => new(false, field, error);
}

/// <summary>What a term's <see cref="Term.Data"/> may hold besides a module's own facts.</summary>
public static class TermData
{
    /// <summary>Identifiers the term had before (renamed, or of terms merged into it): array of strings.</summary>
    public const string FormerSlugs = "formerSlugs";

    public static IReadOnlyList<string> FormerSlugsOf(Term term) =>
        term.Data[FormerSlugs] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>The term that now stands for <paramref name="slug"/>: its own, or one that took it over.</summary>
    public static Term? Resolve(IEnumerable<Term> terms, string slug)
    {
        var list = terms as IReadOnlyCollection<Term> ?? terms.ToList();
        return list.FirstOrDefault(t => t.Slug == slug) ?? list.FirstOrDefault(t => FormerSlugsOf(t).Contains(slug, StringComparer.Ordinal));
    }
}
