using System.Text.Json.Nodes;
using RallyNov.Contents.Admin.Versions;
using RallyNov.Core.Content.Definitions;

namespace RallyNov.Modules.Tests.Contents;

public sealed class ContentDiffTests
{
    private static readonly ContentTypeDefinition Initiative = new ContentDefinitionBuilder()
        .Type("Initiative", "Initiative", t => t
            .Title()
            .Text("Summary", "Résumé")
            .RichText("Body", "Présentation")
            .Number("Year", "Année")
            .Boolean("Featured", "À la une")
            .Taxonomy("Themes", "Thèmes", "themes", f => f.Multiple())
            .ContentPicker("Partners", "Partenaires", f => f.Multiple())
            .Link("Website", "Site web")
            .Media("Image", "Image"))
        .Types[0];

    [Fact]
    public void Unchanged_fields_are_not_listed_and_empty_values_count_as_equal()
    {
        var before = new JsonObject { ["Title"] = "Recyclerie", ["Summary"] = "", ["Themes"] = new JsonArray() };
        var after = new JsonObject { ["Title"] = "Recyclerie" };

        Assert.Empty(ContentDiff.Compare(Initiative, before, after));
    }

    [Fact]
    public void A_short_text_shows_old_and_new_values()
    {
        var change = Assert.Single(ContentDiff.Compare(Initiative, new JsonObject { ["Title"] = "Recyclerie" }, new JsonObject { ["Title"] = "La Recyclerie du Morvan" }));

        Assert.Equal("Titre", change.Label);
        Assert.Equal("Recyclerie", change.Old);
        Assert.Equal("La Recyclerie du Morvan", change.New);
        Assert.Null(change.Words);
    }

    [Fact]
    public void Rich_text_is_compared_word_by_word_without_its_tags()
    {
        var change = Assert.Single(ContentDiff.Compare(
            Initiative,
            new JsonObject { ["Body"] = "<p>Une épicerie <strong>solidaire</strong> à Dijon.</p>" },
            new JsonObject { ["Body"] = "<p>Une épicerie <em>coopérative</em> à Dijon.</p>" }));

        Assert.Equal(
            [new(DiffOperation.Same, "Une épicerie"), new(DiffOperation.Removed, "solidaire"), new(DiffOperation.Added, "coopérative"), new(DiffOperation.Same, "à Dijon.")],
            change.Words!);
        Assert.DoesNotContain(change.Words!, s => s.Text.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void A_markup_only_change_is_reported_as_formatting()
    {
        var change = Assert.Single(ContentDiff.Compare(
            Initiative,
            new JsonObject { ["Body"] = "<p>Texte identique</p>" },
            new JsonObject { ["Body"] = "<p><strong>Texte</strong> identique</p>" }));

        Assert.Contains("mise en forme", Assert.Single(change.Words!).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_diff_keeps_every_word_of_both_texts_in_order()
    {
        var segments = ContentDiff.Words("le chat dort sur le tapis", "le chien dort sous le tapis rouge");

        Assert.Equal("le chat dort sur le tapis", string.Join(" ", segments.Where(s => s.Operation != DiffOperation.Added).Select(s => s.Text)));
        Assert.Equal("le chien dort sous le tapis rouge", string.Join(" ", segments.Where(s => s.Operation != DiffOperation.Removed).Select(s => s.Text)));
        Assert.Equal(["chat", "sur"], segments.Where(s => s.Operation == DiffOperation.Removed).Select(s => s.Text));
        Assert.Equal(["chien", "sous", "rouge"], segments.Where(s => s.Operation == DiffOperation.Added).Select(s => s.Text));
    }

    [Fact]
    public void Taxonomy_and_picker_changes_list_added_and_removed_values()
    {
        var changes = ContentDiff.Compare(
            Initiative,
            new JsonObject { ["Themes"] = new JsonArray("emploi", "alimentation"), ["Partners"] = new JsonArray("p1") },
            new JsonObject { ["Themes"] = new JsonArray("alimentation", "mobilite"), ["Partners"] = new JsonArray("p1", "p2") });

        var themes = changes.Single(c => c.Field == "Themes");
        Assert.True(themes.IsList);
        Assert.Equal(["mobilite"], themes.Added);
        Assert.Equal(["emploi"], themes.Removed);
        var partners = changes.Single(c => c.Field == "Partners");
        Assert.Equal(["p2"], partners.Added);
        Assert.Empty(partners.Removed);
    }

    [Fact]
    public void Link_media_number_and_boolean_show_readable_old_and_new_values()
    {
        var changes = ContentDiff.Compare(
            Initiative,
            new JsonObject
            {
                ["Website"] = new JsonObject { ["url"] = "https://ancien.example.org", ["text"] = "Site" },
                ["Image"] = new JsonObject { ["path"] = "a.jpg", ["alt"] = "Façade" },
                ["Year"] = 2014,
                ["Featured"] = false,
            },
            new JsonObject
            {
                ["Website"] = new JsonObject { ["url"] = "https://nouveau.example.org", ["text"] = "Site" },
                ["Image"] = new JsonObject { ["path"] = "b.jpg", ["alt"] = "Équipe" },
                ["Year"] = 2023,
                ["Featured"] = true,
            });

        // In the order of the definition, whatever the order of the JSON document.
        Assert.Equal(["Year", "Featured", "Website", "Image"], changes.Select(c => c.Field));
        Assert.Equal("Site (https://ancien.example.org)", changes.Single(c => c.Field == "Website").Old);
        Assert.Equal("Site (https://nouveau.example.org)", changes.Single(c => c.Field == "Website").New);
        Assert.Equal("b.jpg (texte alternatif : Équipe)", changes.Single(c => c.Field == "Image").New);
        Assert.Equal(("2014", "2023"), (changes.Single(c => c.Field == "Year").Old, changes.Single(c => c.Field == "Year").New));
        Assert.Equal(("non", "oui"), (changes.Single(c => c.Field == "Featured").Old, changes.Single(c => c.Field == "Featured").New));
    }

    [Fact]
    public void The_first_version_is_compared_with_nothing()
    {
        var changes = ContentDiff.Compare(Initiative, null, new JsonObject { ["Title"] = "Nouvelle", ["Themes"] = new JsonArray("emploi") });

        Assert.Equal(["Title", "Themes"], changes.Select(c => c.Field));
        Assert.Equal("", changes[0].Old);
        Assert.Equal(["emploi"], changes[1].Added);
    }
}
