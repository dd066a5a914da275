using System.Text.Json.Nodes;
using RallyNov.Core.Content.Definitions;
using RallyNov.Laureates;
using RallyNov.Laureates.Models;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Laureates;

public sealed class LaureateTests
{
    [Fact]
    public void Laureate_picks_one_initiative_and_requires_its_prize_year()
    {
        var builder = new ContentDefinitionBuilder();
        new LaureatesModule().DefineContent(builder);
        var type = Assert.Single(builder.Types);
        var picker = type.Field(LaureateFields.Initiative)!;
        Assert.Equal(FieldKind.ContentPicker, picker.Kind);
        Assert.Equal(["Initiative"], picker.AllowedTypes);
        Assert.False(picker.Multiple);
        Assert.True(type.Field(LaureateFields.PrizeYear)!.Required);
        Assert.True(type.Field(LaureateFields.Amount)!.Integer);
        Assert.Equal(300, type.Field(LaureateFields.Summary)!.MaxLength);
        Assert.Equal(FieldKind.Link, type.Field(LaureateFields.Video)!.Kind);
        Assert.Equal(FieldKind.Media, type.Field(LaureateFields.Image)!.Kind);
        Assert.Equal("/laureats/{slug}", type.RoutePattern);
    }

    [Fact]
    public void Laureates_module_depends_on_initiatives()
    {
        Assert.Contains("RallyNov.Initiatives", new LaureatesModule().Dependencies);
    }

    [Fact]
    public void Grouping_puts_the_newest_prize_first_and_sorts_names_in_French()
    {
        var laureates = new[]
        {
            Items.Make(LaureateFields.Type, "a", "Vadapad", new JsonObject { ["PrizeYear"] = 2014 }),
            Items.Make(LaureateFields.Type, "b", "Métalhom", new JsonObject { ["PrizeYear"] = 2022 }),
            Items.Make(LaureateFields.Type, "c", "Le Mas d'Héricourt", new JsonObject { ["PrizeYear"] = 2014 }),
            Items.Make(LaureateFields.Type, "d", "Les Délices Bleus", new JsonObject { ["PrizeYear"] = 2022 }),
            Items.Make(LaureateFields.Type, "e", "Écrin", new JsonObject { ["PrizeYear"] = 2014 }),
        };

        var years = LaureateGrouping.ByYear(laureates);

        Assert.Equal([2022, 2014], years.Select(y => y.Year));
        Assert.Equal(["Les Délices Bleus", "Métalhom"], years[0].Laureates.Select(l => l.DisplayText));
        Assert.Equal(["Écrin", "Le Mas d'Héricourt", "Vadapad"], years[1].Laureates.Select(l => l.DisplayText));
    }
}
