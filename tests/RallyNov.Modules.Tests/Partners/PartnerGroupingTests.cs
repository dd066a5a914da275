using System.Text.Json.Nodes;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Taxonomies;
using RallyNov.Modules.Tests.Support;
using RallyNov.Partners;
using RallyNov.Partners.Models;

namespace RallyNov.Modules.Tests.Partners;

public sealed class PartnerGroupingTests
{
    private static readonly Term[] Kinds =
    [
        new() { Slug = "financeur-public", Name = "Financeurs publics", Order = 0 },
        new() { Slug = "europeen", Name = "Europe", Order = 1 },
        new() { Slug = "banque", Name = "Banques", Order = 2 },
    ];

    private static RallyNov.Core.Content.ContentItem Partner(string id, string title, string? kind, int? order = null)
    {
        var content = new JsonObject();
        if (kind is not null)
        {
            content["Kind"] = new JsonArray(JsonValue.Create(kind));
        }

        if (order is not null)
        {
            content["Order"] = order;
        }

        return Items.Make(PartnerFields.Type, id, title, content);
    }

    [Fact]
    public void Groups_follow_the_vocabulary_order_and_unknown_kinds_come_last()
    {
        var groups = PartnerGrouping.ByKind(
        [
            Partner("fse", "Fonds social européen (FSE)", "europeen"),
            Partner("region", "Région Bourgogne-Franche-Comté", "financeur-public", 2),
            Partner("etat", "État", "financeur-public", 1),
            Partner("x", "Sans type", null),
            Partner("y", "Type supprimé", "ancien"),
        ], Kinds);

        Assert.Equal(["financeur-public", "europeen", PartnerGrouping.OtherKey], groups.Select(g => g.Key));
        Assert.Equal(["État", "Région Bourgogne-Franche-Comté"], groups[0].Partners.Select(p => p.DisplayText));
        Assert.Equal(["Sans type", "Type supprimé"], groups[2].Partners.Select(p => p.DisplayText));
        Assert.Equal("Autres partenaires", groups[2].Title);
    }

    [Fact]
    public void Partner_definition_has_kind_logo_website_description_and_order()
    {
        var builder = new ContentDefinitionBuilder();
        new PartnersModule().DefineContent(builder);
        var type = Assert.Single(builder.Types);
        Assert.Equal("types-partenaire", type.Field(PartnerFields.Kind)!.Vocabulary);
        Assert.Equal(FieldKind.Media, type.Field(PartnerFields.Logo)!.Kind);
        Assert.Equal(FieldKind.Link, type.Field(PartnerFields.Website)!.Kind);
        Assert.Equal(FieldKind.Text, type.Field(PartnerFields.Description)!.Kind);
        Assert.True(type.Field(PartnerFields.Order)!.Integer);
        Assert.Equal("Nom", type.Field("Title")!.DisplayName);
    }
}
