using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Initiatives;
using RallyNov.Initiatives.Impact;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Initiatives;

/// <summary>The impact indicators summed per site and per département: only what was declared counts.</summary>
public sealed class ImpactFiguresTests
{
    private static ContentItem Initiative(string id, string? departement, JsonObject impact)
    {
        var content = new JsonObject();
        if (departement is not null)
        {
            content[InitiativeFields.Departement] = new JsonArray(JsonValue.Create(departement));
        }

        foreach (var (key, value) in impact)
        {
            content[key] = value?.DeepClone();
        }

        return Items.Make(InitiativeFields.Type, id, id, content);
    }

    [Fact]
    public void Sums_count_declared_figures_only_per_site_and_per_departement()
    {
        var items = new[]
        {
            Initiative("delices", "21", new JsonObject { [InitiativeFields.ImpactJobs] = 6, [InitiativeFields.ImpactYear] = 2023 }),
            Initiative("autre-21", "21", new JsonObject { [InitiativeFields.ImpactJobs] = 314, [InitiativeFields.ImpactPeople] = 1200 }),
            Initiative("drive", "39", new JsonObject { [InitiativeFields.ImpactPartners] = 28 }),
            Initiative("sans-chiffres", "39", new JsonObject { [InitiativeFields.ImpactYear] = 2020 }),
            Initiative("sans-departement", null, new JsonObject { [InitiativeFields.ImpactVolunteers] = 1 }),
        };

        var summary = ImpactSummary.Of(items);

        Assert.Equal(new ImpactFigures(320, 1200, 1, 28) { Initiatives = 4 }, summary.Total);
        Assert.Equal("320 emplois, 1\u202F200 personnes touchées, 1 bénévole, 28 partenaires", summary.Total.Sentence());
        Assert.Equal(["21", "39"], summary.Departements.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("320 emplois, 1\u202F200 personnes touchées", summary.Departements["21"].Sentence());
        Assert.Equal(new ImpactFigures(null, null, null, 28) { Initiatives = 1 }, summary.Departements["39"]);
    }

    [Fact]
    public void Nothing_declared_is_empty_and_says_nothing_not_zero()
    {
        var summary = ImpactSummary.Of([Initiative("a", "25", new JsonObject()), Initiative("b", "25", new JsonObject { [InitiativeFields.ImpactYear] = 2021 })]);

        Assert.True(summary.Total.IsEmpty);
        Assert.Equal(0, summary.Total.Initiatives);
        Assert.Empty(summary.Total.Shown());
        Assert.Empty(summary.Departements);
    }

    [Fact]
    public void A_declared_zero_is_shown_and_labels_agree_in_number()
    {
        var one = ImpactFigures.Of(Initiative("a", "25", new JsonObject { [InitiativeFields.ImpactJobs] = 1, [InitiativeFields.ImpactPeople] = 0 }));

        Assert.False(one.IsEmpty);
        Assert.Equal("1 emploi, 0 personne touchée", one.Sentence());
    }

    /// <summary>
    /// The home's sums read the database's extraction of each initiative (a JSON array of the four
    /// figures and the départements) without building the item: same sums as from the items, whatever
    /// the values hold (text, out of range, decimals, exponents, objects, nested or repeated départements).
    /// </summary>
    [Fact]
    public void Rows_extracted_by_the_database_sum_as_the_items_do()
    {
        JsonNode? N(string json) => JsonNode.Parse(json);
        var items = new List<ContentItem>
        {
            Initiative("a", "21", new JsonObject { [InitiativeFields.ImpactJobs] = 6, [InitiativeFields.ImpactPeople] = N("1200.9") }),
            Initiative("b", "21", new JsonObject { [InitiativeFields.ImpactJobs] = -3, [InitiativeFields.ImpactVolunteers] = N("1e3") }),
            Initiative("c", "39", new JsonObject { [InitiativeFields.ImpactJobs] = 20_000_000, [InitiativeFields.ImpactPartners] = "12" }),
            Initiative("d", null, new JsonObject { [InitiativeFields.ImpactPeople] = true, [InitiativeFields.ImpactPartners] = N("{\"a\":1}") }),
            Initiative("e", "25", new JsonObject { [InitiativeFields.ImpactVolunteers] = N("[1,2]"), [InitiativeFields.ImpactJobs] = 10_000_000 }),
            Initiative("f", null, new JsonObject { [InitiativeFields.ImpactJobs] = 2, [InitiativeFields.Departement] = N("[\"70\",\"70\",[\"90\"],{\"x\":\"25\"},3,\"71\"]") }),
            Initiative("g", null, new JsonObject { [InitiativeFields.ImpactPeople] = 5, [InitiativeFields.Departement] = "58" }),
            Initiative("h", "89", new JsonObject()),
            Initiative("i", "89", new JsonObject { [InitiativeFields.ImpactPartners] = 0 }),
        };

        string[] fields = [InitiativeFields.ImpactJobs, InitiativeFields.ImpactPeople, InitiativeFields.ImpactVolunteers, InitiativeFields.ImpactPartners, InitiativeFields.Departement];
        var sums = new ImpactSummary.Builder();
        var departements = new List<string>();
        foreach (var item in items)
        {
            var row = "[" + string.Join(", ", fields.Select(f => item.Content[f]?.ToJsonString() ?? "null")) + "]";
            if (ImpactRow.TryRead(row, departements) is { } figures)
            {
                sums.Add(figures, departements);
            }
        }

        var expected = ImpactSummary.Of(items);
        var actual = sums.Build();
        Assert.Equal(new ImpactFigures(10_000_008, 1205, 1000, 0) { Initiatives = 6 }, expected.Total);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Departements.OrderBy(d => d.Key, StringComparer.Ordinal), actual.Departements.OrderBy(d => d.Key, StringComparer.Ordinal));
        Assert.Equal(["21", "25", "70", "71", "89"], actual.Departements.Keys.Order(StringComparer.Ordinal));

        // Rows of another shape count for nothing.
        Assert.Null(ImpactRow.TryRead("[1, 2, 3, 4]", departements));
        Assert.Null(ImpactRow.TryRead("[1, 2, 3, 4, [\"21\"], 5]", departements));
        Assert.Null(ImpactRow.TryRead("{\"ImpactJobs\": 1}", departements));
        Assert.Null(ImpactRow.TryRead("[1, 2", departements));
        Assert.Empty(departements);
    }
}
