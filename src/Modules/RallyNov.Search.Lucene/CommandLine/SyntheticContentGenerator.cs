using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Text;

namespace RallyNov.Search.Lucene.CommandLine;

/// <summary>
/// French items for load and search benchmarks: titles like "Épicerie solidaire de Dole", bodies
/// made of the 15 sentences of a phrase bank about the network's themes (every word very
/// frequent), or with <paramref name="realistic"/> text with a real corpus's statistics.
/// Deterministic for a given seed.
/// </summary>
/// <param name="realistic">Null for the phrase bank.</param>
internal sealed class SyntheticContentGenerator(ContentTypeDefinition type, IReadOnlyDictionary<string, List<string>> vocabularies, int seed, RealisticText? realistic = null)
{
    private static readonly string[] Structures =
    [
        "Épicerie solidaire", "Atelier vélo", "Garage solidaire", "Ressourcerie", "Tiers-lieu", "Crèche inclusive",
        "Restaurant d'insertion", "Drive fermier", "Blanchisserie", "Jardin partagé", "Coopérative d'habitants",
        "Plateforme de mobilité", "Maison des aidants", "Fablab", "Conciergerie d'entreprise", "Recyclerie",
        "Chantier d'insertion", "Café associatif", "Entreprise adaptée", "Groupement d'employeurs",
    ];

    private static readonly string[] Places =
    [
        "Dijon", "Besançon", "Dole", "Lons-le-Saunier", "Vesoul", "Belfort", "Montbéliard", "Auxerre", "Nevers",
        "Mâcon", "Chalon-sur-Saône", "Pontarlier", "Héricourt", "Beaune", "Sens", "Le Creusot", "Gray", "Autun",
    ];

    /// <summary>The phrase bank (also mixed into realistic text as its topical sentences).</summary>
    public static readonly string[] Sentences =
    [
        "L'équipe accompagne des personnes éloignées de l'emploi vers un métier durable.",
        "Les salariés ont choisi ensemble une organisation du travail sur quatre jours.",
        "Des bénévoles assurent l'accueil et rompent l'isolement des familles du quartier.",
        "Les produits locaux sont vendus en circuit court, sans intermédiaire.",
        "Le covoiturage réduit la fatigue et le coût des trajets domicile-travail.",
        "Les postes sont adaptés aux personnes en situation de handicap dès leur arrivée.",
        "Un binôme forme chaque nouvel arrivant pendant ses premières semaines.",
        "La gouvernance associe les salariés aux décisions importantes de la structure.",
        "Les aidants trouvent ici du répit, des conseils et un lieu d'échange.",
        "Le projet limite le gaspillage alimentaire et valorise le travail des producteurs.",
        "Les consignes sont traduites en plusieurs langues pour faciliter l'intégration.",
        "La structure mutualise des locaux et des outils avec d'autres associations.",
        "Un réseau de partenaires publics et privés soutient la démarche depuis son lancement.",
        "Les vêtements adaptés facilitent les soins et préservent la dignité des personnes âgées.",
        "Des ateliers participatifs font émerger des solutions aux défis des entreprises.",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<ContentItem> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Create(i);
        }
    }

    private ContentItem Create(int index)
    {
        var title = $"{Pick(Structures)} de {Pick(Places)} n° {index + 1}";
        var content = new JsonObject();
        foreach (var field in type.Fields)
        {
            var value = Value(field, title);
            if (value is not null)
            {
                content[field.Name] = value;
            }
        }

        var slug = type.SlugField is { } slugField ? content[slugField.Name]?.GetValue<string>() : null;
        return new ContentItem
        {
            ContentItemId = IdGenerator.New(),
            ContentType = type.Name,
            DisplayText = title,
            Slug = slug,
            Owner = "admin",
            Author = "admin",
            Content = content,
        };
    }

    private JsonNode? Value(ContentFieldDefinition field, string title)
    {
        return field.Kind switch
        {
            FieldKind.Slug => SlugHelper.Slugify(title),
            FieldKind.Text when field.Name == type.TitleField => title,
            FieldKind.Text when field.Options.Count > 0 => Pick(field.Options),
            FieldKind.Text when field.Name == "Summary" => realistic?.Summary(_random, field.MaxLength ?? 300) ?? Truncate(Paragraph(2), field.MaxLength ?? 300),
            FieldKind.Text => field.Required ? Truncate(Pick(Places), field.MaxLength ?? 200) : null,
            FieldKind.RichText when realistic is not null => string.Concat(realistic.Paragraphs(_random).Select(p => $"<p>{EscapeMarkup(p)}</p>")),
            FieldKind.RichText => $"<p>{Paragraph(4)}</p><p>{Paragraph(3)}</p>",
            FieldKind.Markdown when realistic is not null => string.Join("\n\n", realistic.Paragraphs(_random)),
            FieldKind.Markdown => Paragraph(3),
            FieldKind.Number => (long)Math.Round(_random.Next((int)(field.Minimum ?? 2010), (int)Math.Min(field.Maximum ?? 2024, 2024) + 1) * 1m),
            FieldKind.Taxonomy when field.Vocabulary is { } name && vocabularies.TryGetValue(name, out var terms) && terms.Count > 0 =>
                new JsonArray(Enumerable.Range(0, field.Multiple ? _random.Next(1, 4) : 1).Select(_ => Pick(terms)).Distinct().Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
            _ => null,
        };
    }

    private string Paragraph(int sentences) => string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Pick(Sentences)));

    /// <summary>Escapes only what markup needs ("C&amp;K"): accents stay as they are, as editors' text does.</summary>
    private static string EscapeMarkup(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
