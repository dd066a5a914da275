using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RallyNov.Core.Taxonomies;

namespace RallyNov.Core.Recipes;

/// <summary>
/// "taxonomies": { "vocabularies": [ { "name", "displayName", "terms": [ { "slug", "name", "data" } ] } ] }.
/// A vocabulary in the recipe replaces the stored one (terms matched by slug).
/// </summary>
internal sealed partial class TaxonomiesStep(ITaxonomyService taxonomies) : IRecipeStepHandler, IRecipeExportStep
{
    public string Name => "taxonomies";

    public int Order => 10;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["vocabularies"] is not JsonArray vocabularies)
        {
            throw context.Fail("la liste « vocabularies » manque.");
        }

        foreach (var node in vocabularies)
        {
            var name = (node as JsonObject)?["name"]?.GetValue<string>();
            if (node is not JsonObject obj || string.IsNullOrEmpty(name) || !KeyPattern().IsMatch(name))
            {
                throw context.Fail("chaque vocabulaire a besoin d'un « name » en minuscules (lettres, chiffres, tirets).");
            }

            var vocabulary = new Vocabulary { Name = name, DisplayName = obj["displayName"]?.GetValue<string>() ?? name };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var termNode in obj["terms"] as JsonArray ?? [])
            {
                var slug = termNode?["slug"]?.GetValue<string>();
                var termName = termNode?["name"]?.GetValue<string>();
                if (string.IsNullOrEmpty(slug) || !KeyPattern().IsMatch(slug) || string.IsNullOrWhiteSpace(termName))
                {
                    throw context.Fail($"terme invalide : « slug » (minuscules, chiffres, tirets) et « name » sont obligatoires.", name);
                }

                if (!seen.Add(slug))
                {
                    throw context.Fail($"le terme « {slug} » apparaît deux fois.", name);
                }

                vocabulary.Terms.Add(new Term
                {
                    Slug = slug,
                    Name = termName,
                    Data = termNode?["data"] as JsonObject is { } data ? (JsonObject)data.DeepClone() : [],
                });
            }

            await taxonomies.SaveAsync(vocabulary, cancellationToken);
        }
    }

    public async Task<JsonObject?> ExportAsync(CancellationToken cancellationToken)
    {
        var list = await taxonomies.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return null;
        }

        var vocabularies = new JsonArray();
        foreach (var vocabulary in list)
        {
            var terms = new JsonArray();
            foreach (var term in vocabulary.Terms.OrderBy(t => t.Order))
            {
                var termJson = new JsonObject { ["slug"] = term.Slug, ["name"] = term.Name };
                if (term.Data.Count > 0)
                {
                    termJson["data"] = term.Data.DeepClone();
                }

                terms.Add(termJson);
            }

            vocabularies.Add(new JsonObject { ["name"] = vocabulary.Name, ["displayName"] = vocabulary.DisplayName, ["terms"] = terms });
        }

        return new JsonObject { ["name"] = Name, ["vocabularies"] = vocabularies };
    }
}
