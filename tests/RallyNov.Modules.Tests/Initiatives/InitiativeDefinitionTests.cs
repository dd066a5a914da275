using RallyNov.Core.Content.Definitions;
using RallyNov.Initiatives;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Initiatives;

public sealed class InitiativeDefinitionTests
{
    private static ContentTypeDefinition Type()
    {
        var builder = new ContentDefinitionBuilder();
        new InitiativesModule().DefineContent(builder);
        return Assert.Single(builder.Types);
    }

    [Fact]
    public void Initiative_has_the_fields_of_the_issue()
    {
        var type = Type();
        Assert.Equal("Initiative", type.Name);
        Assert.Equal("/initiatives/{slug}", type.RoutePattern);
        Assert.Equal("Title", type.TitleField);
        Assert.Equal(FieldKind.Slug, type.SlugField!.Kind);
        Assert.Equal(300, type.Field(InitiativeFields.Summary)!.MaxLength);
        Assert.Equal(FieldKind.RichText, type.Field(InitiativeFields.Body)!.Kind);
        Assert.Equal(FieldKind.Media, type.Field(InitiativeFields.Image)!.Kind);
        Assert.Equal(FieldKind.Link, type.Field(InitiativeFields.Website)!.Kind);
        Assert.Equal(FieldKind.Text, type.Field(InitiativeFields.City)!.Kind);
        Assert.Equal(FieldKind.Text, type.Field(InitiativeFields.StructureName)!.Kind);
        Assert.True(type.Draftable);
    }

    [Fact]
    public void Taxonomy_fields_point_at_the_seeded_vocabularies()
    {
        var type = Type();
        var themes = type.Field(InitiativeFields.Themes)!;
        Assert.Equal(("themes", true), (themes.Vocabulary, themes.Multiple));
        var departement = type.Field(InitiativeFields.Departement)!;
        Assert.Equal(("departements", false), (departement.Vocabulary, departement.Multiple));
        Assert.Equal("types-structure", type.Field(InitiativeFields.StructureKind)!.Vocabulary);
    }

    [Fact]
    public void Year_is_a_whole_number_and_source_a_choice()
    {
        var type = Type();
        var year = type.Field(InitiativeFields.YearIdentified)!;
        Assert.True(year.Integer);
        Assert.Equal([InitiativeFields.SourceEditorial, InitiativeFields.SourceProposal], type.Field(InitiativeFields.Source)!.Options);
    }

    [Fact]
    public void The_site_modules_declare_their_types_once_with_distinct_routes()
    {
        var builder = new ContentDefinitionBuilder();
        foreach (var module in SiteTestHost.Modules())
        {
            module.DefineContent(builder);
        }

        Assert.Equal(["Event", "Initiative", "KeyFigures", "Laureate", "News", "Page", "Partner"], builder.Types.Select(t => t.Name).Order(StringComparer.Ordinal));
        var routes = builder.Types.Where(t => t.RoutePattern is not null).Select(t => t.RoutePattern).ToList();
        Assert.Equal(routes.Count, routes.Distinct().Count());
        Assert.All(builder.Types.Where(t => t.RoutePattern is not null), t => Assert.NotNull(t.SlugField));
    }
}
