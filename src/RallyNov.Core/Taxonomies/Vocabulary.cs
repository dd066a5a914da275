using System.Text.Json.Nodes;

namespace RallyNov.Core.Taxonomies;

/// <summary>A list of terms editors tag content with (départements, thèmes, kinds).</summary>
public sealed class Vocabulary
{
    public int Id { get; set; }

    /// <summary>Stable key used by fields, e.g. "departements".</summary>
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<Term> Terms { get; set; } = [];
}

public sealed class Term
{
    public int Id { get; set; }

    public int VocabularyId { get; set; }

    /// <summary>Stable key stored in content, unique in its vocabulary, e.g. "21" or "mobilite".</summary>
    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public int Order { get; set; }

    /// <summary>Extra facts about the term (a département's code and former region...).</summary>
    public JsonObject Data { get; set; } = [];
}
