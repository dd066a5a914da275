using System.Text.Json.Nodes;
using RallyNov.Core.Content.Definitions;
using RallyNov.Modules.Tests.Support;
using RallyNov.Pages;
using RallyNov.Pages.Home;

namespace RallyNov.Modules.Tests.Pages;

public sealed class KeyFiguresAndNewsTests
{
    private static ContentTypeDefinition Type(string name)
    {
        var builder = new ContentDefinitionBuilder();
        new PagesModule().DefineContent(builder);
        return builder.Types.Single(t => t.Name == name);
    }

    [Fact]
    public void Key_figures_are_value_label_lines()
    {
        var figures = KeyFigureParser.Parse("143 | participants à la rencontre régionale\n- 2 882 | vues YouTube (en 2022)\n\nligne sans barre\n | sans valeur\n15|nouvelles IS");
        Assert.Equal(
            [new KeyFigure("143", "participants à la rencontre régionale"), new KeyFigure("2 882", "vues YouTube (en 2022)"), new KeyFigure("15", "nouvelles IS")],
            figures);
        Assert.Empty(KeyFigureParser.Parse(null));
    }

    [Fact]
    public void Key_figures_type_has_a_required_year_and_no_page()
    {
        var type = Type(PagesModule.KeyFiguresType);
        Assert.True(type.Field(KeyFigureFields.Year)!.Required);
        Assert.True(type.Field(KeyFigureFields.Year)!.Integer);
        Assert.True(type.Field(KeyFigureFields.Figures)!.Required);
        Assert.Null(type.RoutePattern);
    }

    [Fact]
    public void News_has_a_date_summary_body_and_image()
    {
        var type = Type(PagesModule.NewsType);
        Assert.Equal("/actualites/{slug}", type.RoutePattern);
        Assert.True(type.Field(NewsFields.Date)!.DateOnly);
        Assert.Equal(300, type.Field(NewsFields.Summary)!.MaxLength);
        Assert.Equal(FieldKind.RichText, type.Field(NewsFields.Body)!.Kind);
        Assert.Equal(FieldKind.Media, type.Field(NewsFields.Image)!.Kind);
    }

    [Fact]
    public void News_are_newest_first_and_undated_last()
    {
        var news = NewsOrdering.Newest(
        [
            Items.Make(PagesModule.NewsType, "undated", "Sans date", []),
            Items.Make(PagesModule.NewsType, "old", "Ancienne", new JsonObject { ["Date"] = "2014-09-30" }),
            Items.Make(PagesModule.NewsType, "new", "Récente", new JsonObject { ["Date"] = "2023-09-26" }),
        ]);
        Assert.Equal(["new", "old", "undated"], news.Select(n => n.ContentItemId));
    }
}
