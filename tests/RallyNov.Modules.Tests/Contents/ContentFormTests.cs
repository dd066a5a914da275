using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RallyNov.Contents.Admin.Editor;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Content.Fields;

namespace RallyNov.Modules.Tests.Contents;

/// <summary>From posted form fields to the JSON document the content manager validates.</summary>
public sealed class ContentFormTests
{
    private static readonly ContentTypeDefinition Type = new ContentDefinitionBuilder()
        .Type("Sample", "Exemple", t => t
            .Title()
            .Slug()
            .Number("Year", "Année", f => f.Integer())
            .Boolean("Featured", "À la une")
            .Link("Website", "Site web")
            .Media("Image", "Image")
            .Taxonomy("Themes", "Thèmes", "themes", f => f.Multiple())
            .ContentPicker("Related", "Liés", f => f.Multiple()))
        .Types[0];

    private static FormCollection Form(params (string Key, string[] Values)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => new StringValues(f.Values)));

    [Fact]
    public void Every_kind_is_read_under_its_prefixed_name()
    {
        var content = ContentForm.Read(Type, Form(
            ("f.Title", ["Un titre"]),
            ("f.Year", ["2023"]),
            ("f.Featured", ["true"]),
            ("f.Website.url", ["https://example.org"]), ("f.Website.text", ["Exemple"]),
            ("f.Image.path", ["dossier/photo.jpg"]), ("f.Image.alt", ["Une photo"]),
            ("f.Themes", ["mobilite", "handicap"]),
            ("f.Related", ["abc", ""]),
            ("Title", ["ignoré : sans préfixe"])));

        var expected = JsonNode.Parse("""
            { "Title": "Un titre", "Year": "2023", "Featured": true,
              "Website": { "url": "https://example.org", "text": "Exemple" },
              "Image": { "path": "dossier/photo.jpg", "alt": "Une photo" },
              "Themes": ["mobilite", "handicap"], "Related": ["abc"] }
            """);
        Assert.True(JsonNode.DeepEquals(expected, content), content.ToJsonString());
    }

    [Fact]
    public void Empty_inputs_and_an_unticked_checkbox_leave_the_field_out()
    {
        var content = ContentForm.Read(Type, Form(("f.Title", [""]), ("f.Slug", ["  "]), ("f.Website.url", [""]), ("f.Website.text", [""]), ("f.Themes", [""])));

        Assert.Empty(content);
    }

    [Fact]
    public void What_is_read_passes_the_validator_unchanged_in_meaning()
    {
        var content = ContentForm.Read(Type, Form(("f.Title", ["Titre"]), ("f.Year", ["2023"]), ("f.Featured", ["true"])));
        var errors = new List<ContentValidationError>();

        var normalized = FieldValueValidator.Normalize(Type, content, errors);

        Assert.Empty(errors);
        Assert.Equal(2023, normalized["Year"]!.GetValue<long>());
        Assert.True(normalized["Featured"]!.GetValue<bool>());
    }

    [Fact]
    public void Stored_values_are_shown_as_input_text()
    {
        Assert.Equal("2023", ContentForm.Text(JsonValue.Create(2023L)));
        Assert.Equal("12.5", ContentForm.Text(JsonValue.Create(12.5m)));
        Assert.Equal("https://example.org", ContentForm.Text(new JsonObject { ["url"] = "https://example.org" }, "url"));
        Assert.Equal("", ContentForm.Text(null));
        Assert.Equal(["a", "b"], ContentForm.Values(new JsonArray("a", "b")));
        Assert.True(ContentForm.IsTrue(JsonValue.Create(true)));
    }
}
