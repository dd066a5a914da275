using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Tests.Support;

namespace RallyNov.Core.Tests.Content;

public sealed class ContentValidationTests : TenantTestBase
{
    [Fact]
    public async Task Slug_is_folded_from_the_title_and_made_unique()
    {
        var first = await PublishAsync("Épicerie solidaire");
        var second = await PublishAsync("Epicerie  Solidaire !");
        var third = await SaveDraftAsync("épicerie solidaire");

        Assert.Equal("epicerie-solidaire", first.Slug);
        Assert.Equal("epicerie-solidaire", first.GetString("Slug"));
        Assert.Equal("epicerie-solidaire-2", second.Slug);
        Assert.Equal("epicerie-solidaire-3", third.Slug);
        Assert.Equal(first.ContentItemId, (await Contents.GetBySlugAsync("epicerie-solidaire", VersionOptions.Published, Ct))?.ContentItemId);
    }

    [Fact]
    public async Task A_kept_slug_does_not_change_when_the_title_changes()
    {
        var item = await PublishAsync("Titre d'origine");
        var edit = await LatestAsync(item.ContentItemId);
        edit.Set("Title", "Nouveau titre");

        var saved = Succeeded(await Contents.PublishAsync(edit, Ct));

        Assert.Equal("titre-d-origine", saved.Slug);
    }

    [Fact]
    public async Task An_explicit_slug_is_folded_and_a_duplicate_is_refused()
    {
        await PublishAsync("Épicerie solidaire");
        var custom = await PublishAsync("Autre", i => i.Set("Slug", "Mon Adresse Spéciale"));
        Assert.Equal("mon-adresse-speciale", custom.Slug);

        var result = await Contents.PublishAsync(NewItem(Contents, "Article", "Copie", i => i.Set("Slug", "Épicerie Solidaire")), Ct);

        Assert.Equal(ContentResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("Slug", error.Field);
        Assert.Contains("« epicerie-solidaire » est déjà utilisée", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slug_is_unique_across_content_types()
    {
        await PublishAsync("Région", type: "Partner");

        var article = await PublishAsync("Région");

        Assert.Equal("region-2", article.Slug);
    }

    public static TheoryData<string, JsonNode?, string> InvalidValues() => new()
    {
        { "Summary", JsonValue.Create(new string('x', 301)), "ne doit pas dépasser 300 caractères" },
        { "Title", JsonValue.Create(new string('x', 201)), "ne doit pas dépasser 200 caractères" },
        { "Title", JsonValue.Create("   "), "« Titre » est obligatoire" },
        { "Year", JsonValue.Create(1989), "doit être compris entre 1990 et 2100" },
        { "Year", JsonValue.Create(2014.5m), "doit être un nombre entier" },
        { "Year", JsonValue.Create("deux mille"), "doit être un nombre" },
        { "Foo", JsonValue.Create("x"), "Le champ « Foo » n'existe pas pour le type Article" },
        { "Themes", Array("inconnu"), "le terme « inconnu » n'existe pas dans la liste themes" },
        { "Related", Array("0000000000000000000000000a"), "le contenu « 0000000000000000000000000a » n'existe pas" },
        { "Website", new JsonObject { ["url"] = "javascript:alert(1)" }, "l'adresse doit commencer par" },
        { "Website", new JsonObject { ["url"] = "/\\evil.example/" }, "l'adresse doit commencer par" },
        { "Website", new JsonObject { ["url"] = "/\\/evil.example/" }, "l'adresse doit commencer par" },
        { "Website", new JsonObject { ["url"] = "https:\\\\evil.example" }, "l'adresse doit commencer par" },
        { "Website", new JsonObject { ["url"] = "/page\nSet-Cookie:x" }, "l'adresse doit commencer par" },
        { "Body", JsonValue.Create(string.Concat(Enumerable.Repeat("<b>", 65)) + "x"), "imbrique trop de mises en forme" },
        { "Image", new JsonObject { ["path"] = "photos/a.jpg" }, "texte alternatif de l'image est obligatoire" },
        { "Image", new JsonObject { ["path"] = "../secret.txt", ["alt"] = "x" }, "chemin de média invalide" },
        { "Image", new JsonObject { ["path"] = "logos/rallynov.svg", ["alt"] = "Logo" }, "n'accepte pas les images SVG" },
        { "Image", new JsonObject { ["path"] = "docs/rapport.pdf", ["alt"] = "Rapport" }, "attend une image JPEG, PNG, WebP ou GIF" },
        { "Body", JsonValue.Create("<p>Texte</p><img src=\"/media/a.jpg\"><img src=\"/media/b.jpg\" alt=\" \">"), "2 images n'ont pas de texte alternatif" },
        { "Summary", JsonValue.Create(new string('x', 299) + "\r\n" + "xx"), "ne doit pas dépasser 300 caractères (actuellement 302)" },
        { "Date", JsonValue.Create("12/05/2024"), "doit être une date au format AAAA-MM-JJTHH:MM" },
        { "Featured", JsonValue.Create("oui"), "n'a pas le bon format" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task Invalid_values_are_refused_with_a_french_message(string field, JsonNode? value, string expected)
    {
        await AddThemesAsync("mobilite");
        var item = NewItem(Contents, "Article", "Valide", i => i.Set(field, value?.DeepClone()));

        var result = await Contents.PublishAsync(item, Ct);

        Assert.Equal(ContentResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Null(await Contents.GetAsync(item.ContentItemId, VersionOptions.Latest, Ct));
    }

    [Theory]
    [InlineData("2 014")]
    [InlineData("2\u00A0014")]
    [InlineData("2\u202F014")]
    public async Task A_number_typed_with_french_thousands_spaces_is_read(string typed)
    {
        var item = await PublishAsync("Milliers " + typed.Length + (int)typed[1], i => i.Set("Year", typed));

        Assert.Equal(2014, item.Content["Year"]!.GetValue<long>());
    }

    [Fact]
    public async Task Every_field_kind_is_normalized_when_valid()
    {
        await AddThemesAsync("mobilite", "alimentation");
        var other = await PublishAsync("Autre article");

        var item = await PublishAsync("  Complet  ", i =>
        {
            i.Set("Summary", "  Court résumé ");
            i.Set("Year", "2014");
            i.Set("Themes", Array("mobilite", "alimentation", "mobilite"));
            i.Set("Related", Array(other.ContentItemId));
            i.Set("Website", new JsonObject { ["url"] = " https://rallynov.fr ", ["text"] = "Site" });
            i.Set("Image", new JsonObject { ["path"] = "photos/a.jpg", ["alt"] = "Une photo" });
            i.Set("Date", "2024-05-12 09:30");
            i.Set("Featured", true);
        });

        Assert.Equal("Complet", item.DisplayText);
        Assert.Equal("Court résumé", item.GetString("Summary"));
        Assert.Equal(2014, item.Content["Year"]!.GetValue<long>());
        Assert.Equal(["mobilite", "alimentation"], item.Content["Themes"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("https://rallynov.fr", item.Content["Website"]!["url"]!.GetValue<string>());
        Assert.Equal("2024-05-12T09:30", item.GetString("Date"));
        Assert.True(item.Content["Featured"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_multiline_summary_keeps_its_line_breaks_counted_once_each()
    {
        var item = await PublishAsync("Résumé sur deux lignes", i => i.Set("Summary", " Première ligne.\r\nSeconde ligne. "));

        Assert.Equal("Première ligne.\nSeconde ligne.", item.GetString("Summary"));

        // 298 letters and one line break sent as CRLF: 299 characters, within the limit of 300.
        var limit = await PublishAsync("Juste à la limite", i => i.Set("Summary", new string('a', 149) + "\r\n" + new string('b', 149)));
        Assert.Equal(299, limit.GetString("Summary")!.Length);
    }

    [Fact]
    public async Task A_logo_field_that_allows_svg_takes_one_and_rich_text_keeps_described_images()
    {
        var partner = await PublishAsync("Région", type: "Partner", edit: i => i.Set("Logo", new JsonObject { ["path"] = "logos/region.svg", ["alt"] = "Région Bourgogne-Franche-Comté" }));
        Assert.Equal("logos/region.svg", partner.Content["Logo"]!["path"]!.GetValue<string>());

        var article = await PublishAsync("Illustré", i => i.Set("Body", "<p>Texte</p><img src=\"/media/a.jpg?w=768\" srcset=\"/media/a.jpg?w=480 480w, /media/a.jpg?w=768 768w\" sizes=\"(min-width: 50rem) 48rem, 100vw\" alt=\"Une salle\" loading=\"lazy\">"));
        Assert.Contains("alt=\"Une salle\"", article.GetString("Body"), StringComparison.Ordinal);
        Assert.Contains("srcset=\"/media/a.jpg?w=480 480w, /media/a.jpg?w=768 768w\"", article.GetString("Body"), StringComparison.Ordinal);
    }

    public static TheoryData<JsonNode, bool> NumbersFromCode() => new()
    {
        { JsonValue.Create(2020), true },
        { JsonValue.Create(2020L), true },
        { JsonValue.Create(2020.0), true },
        { JsonValue.Create(2020m), true },
        { JsonNode.Parse("2020")!, true },
        { JsonValue.Create(2020.5), false },
        { JsonValue.Create(double.NaN), false },
        { JsonValue.Create(true), false },
    };

    [Theory]
    [MemberData(nameof(NumbersFromCode))]
    public async Task Numbers_set_from_code_are_read_whatever_their_clr_type(JsonNode value, bool valid)
    {
        var result = await Contents.PublishAsync(NewItem(Contents, "Article", "Nombre", i => i.Set("Year", value.DeepClone())), Ct);

        Assert.Equal(valid, result.Succeeded);
        if (valid)
        {
            Assert.Equal(2020, result.Item!.Content["Year"]!.GetValue<long>());
        }
        else
        {
            Assert.Equal("Year", Assert.Single(result.Errors).Field);
        }
    }

    [Fact]
    public async Task Content_picker_refuses_other_types_and_deleted_items()
    {
        var partner = await PublishAsync("Partenaire", type: "Partner");
        var gone = await PublishAsync("Supprimé");
        Succeeded(await Contents.DeleteAsync(gone.ContentItemId, Ct));

        var result = await Contents.PublishAsync(NewItem(Contents, "Article", "Liens", i => i.Set("Related", Array(partner.ContentItemId, gone.ContentItemId))), Ct);

        Assert.Equal(ContentResultStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Message.Contains("n'accepte pas les contenus de type Partner", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Message.Contains($"« {gone.ContentItemId} » n'existe pas", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_cannot_pick_itself()
    {
        var item = await PublishAsync("Moi");
        var edit = await LatestAsync(item.ContentItemId);
        edit.Set("Related", Array(item.ContentItemId));

        Assert.Equal(ContentResultStatus.Invalid, (await Contents.PublishAsync(edit, Ct)).Status);
    }

    [Fact]
    public async Task Rich_text_is_sanitized_on_save()
    {
        var item = await SaveDraftAsync("Riche", i => i.Set("Body",
            "<p>Bonjour <strong>BFC</strong></p><script>alert(1)</script><img src=\"https://x.fr/a.png\" alt=\"a\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">lien</a>"));

        var stored = (await LatestAsync(item.ContentItemId)).GetString("Body")!;

        Assert.Contains("<p>Bonjour <strong>BFC</strong></p>", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("script", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lien", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rich_text_with_only_a_script_is_empty()
    {
        var item = await SaveDraftAsync("Vide", i => i.Set("Body", "<script>alert(1)</script>"));

        Assert.Null((await LatestAsync(item.ContentItemId)).Content["Body"]);
    }
}
