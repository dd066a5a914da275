using System.Text.Json.Nodes;
using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Initiatives;
using RallyNov.Initiatives.Models;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Initiatives;

public sealed class InitiativeCatalogTests
{
    private static ContentItem Initiative(string id, string departement, int year, params string[] themes) =>
        Items.Make(InitiativeFields.Type, id, id, new JsonObject
        {
            ["Departement"] = new JsonArray(JsonValue.Create(departement)),
            ["Themes"] = new JsonArray(themes.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            ["YearIdentified"] = year,
        });

    private static readonly ContentItem[] All =
    [
        Initiative("schrader", "25", 2014, "mobilite", "conditions-de-travail"),
        Initiative("drive", "39", 2014, "alimentation-circuits-courts"),
        Initiative("metalhom", "25", 2022, "conditions-de-travail", "competences"),
        Initiative("mas", "70", 2014, "solidarite", "alimentation-circuits-courts"),
    ];

    [Fact]
    public void Filters_combine()
    {
        Assert.Equal(["schrader", "metalhom"], InitiativeCatalog.Apply(All, new InitiativeFilter(Departement: "25")).Select(i => i.ContentItemId));
        Assert.Equal(["schrader"], InitiativeCatalog.Apply(All, new InitiativeFilter("25", "conditions-de-travail", 2014)).Select(i => i.ContentItemId));
        Assert.Empty(InitiativeCatalog.Apply(All, new InitiativeFilter(Year: 2023)));
    }

    [Fact]
    public void Counts_of_a_dimension_ignore_its_own_filter_but_respect_the_others()
    {
        var filter = new InitiativeFilter(Departement: "25", Year: 2014);
        var departements = InitiativeCatalog.Count(All, filter with { Departement = null }, i => i.GetStrings("Departement"));
        Assert.Equal(1, departements["25"]);
        Assert.Equal(1, departements["39"]);
        Assert.Equal(1, departements["70"]);

        var themes = InitiativeCatalog.Count(All, filter with { Theme = null }, i => i.GetStrings("Themes"));
        Assert.Equal(2, themes.Count);
        Assert.Equal(1, themes["mobilite"]);
    }

    [Fact]
    public void Ordered_newest_identified_first()
    {
        Assert.Equal(["metalhom", "drive", "mas", "schrader"], InitiativeCatalog.Ordered(All).Select(i => i.ContentItemId));
    }

    [Fact]
    public void Related_share_a_theme_most_shared_first_never_itself()
    {
        var related = InitiativeCatalog.Related(All, All[0], 3);
        Assert.Equal(["metalhom"], related.Select(i => i.ContentItemId));
        Assert.Equal(["mas"], InitiativeCatalog.Related(All, All[1], 3).Select(i => i.ContentItemId));
        Assert.Empty(InitiativeCatalog.Related(All, Items.Make(InitiativeFields.Type, "x", "x", []), 3));
    }

    [Theory]
    [InlineData(null, null, null, 1, "")]
    [InlineData("25", null, null, 1, "?departement=25")]
    [InlineData("25", "mobilite", 2014, 2, "?departement=25&theme=mobilite&annee=2014&page=2")]
    [InlineData(null, "sante-et-aidants", null, 3, "?theme=sante-et-aidants&page=3")]
    public void Filter_is_a_plain_query_string(string? departement, string? theme, int? year, int page, string expected) =>
        Assert.Equal(expected, new InitiativeFilter(departement, theme, year, page).ToQueryString());
}
