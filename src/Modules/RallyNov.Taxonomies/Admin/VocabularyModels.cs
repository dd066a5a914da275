using RallyNov.Core.Taxonomies;

namespace RallyNov.Taxonomies.Admin;

public sealed record VocabularyRow(string Name, string DisplayName, int Terms);

/// <param name="Uses">Items whose latest or published version carries the term.</param>
public sealed record TermRow(int Index, string Slug, string Name, int Uses, IReadOnlyList<string> FormerSlugs)
{
    public string DomId => "terme-" + Slug;
}

/// <summary>A vocabulary's terms in order, with the « add a term » form as typed.</summary>
public sealed record VocabularyPage(Vocabulary Vocabulary, IReadOnlyList<TermRow> Terms, string? NewName, string? NewSlug);

/// <summary>One term's page: rename, merge, delete; the other terms to choose from; what was typed in the form that failed.</summary>
public sealed record TermPage(Vocabulary Vocabulary, TermRow Term, IReadOnlyList<TermRow> Others, string? Name, string? Slug, string? Target);

/// <summary>A text field of the vocabulary screens: its id (also the error key), its name in the form, its label and value.</summary>
public sealed record FieldState(string Id, string Name, string Label, string? Value, string? Hint = null, int MaxLength = 200);
