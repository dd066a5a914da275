using System.Text.Json.Nodes;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Content.Fields;
using RallyNov.Pages;

namespace RallyNov.Modules.Tests.Pages;

/// <summary>The Page type as the module declares it, and the rules that follow from it.</summary>
public sealed class PageTypeTests
{
    private static ContentTypeDefinition PageType()
    {
        var builder = new ContentDefinitionBuilder();
        new PagesModule().DefineContent(builder);
        return builder.Types.Single(t => t.Name == PagesModule.PageType);
    }

    [Fact]
    public void Page_is_an_editable_versioned_type_with_a_public_route()
    {
        var type = PageType();

        Assert.Equal("Page", type.Name);
        Assert.True(type.Creatable);
        Assert.True(type.Draftable);
        Assert.True(type.Versionable);
        Assert.True(type.Listable);
        Assert.Equal("/pages/{slug}", type.RoutePattern);
        Assert.Equal("/pages/a-propos", type.UrlFor("a-propos"));
        Assert.Null(type.UrlFor(null));
    }

    [Fact]
    public void Page_fields_are_title_slug_summary_and_body_in_that_order()
    {
        var type = PageType();

        Assert.Equal(
            [("Title", FieldKind.Text), ("Slug", FieldKind.Slug), ("Summary", FieldKind.Text), ("Body", FieldKind.RichText)],
            type.Fields.Select(f => (f.Name, f.Kind)));
        Assert.Equal("Title", type.TitleField);
    }

    [Fact]
    public void Title_is_required_and_the_slug_comes_from_it()
    {
        var type = PageType();

        Assert.True(type.Field("Title")!.Required);
        Assert.Equal(200, type.Field("Title")!.MaxLength);
        Assert.False(type.Field("Slug")!.Required);
        Assert.Equal("Title", type.SlugField!.SlugSource);
    }

    [Fact]
    public void Summary_is_optional_with_at_most_300_characters_and_a_french_hint()
    {
        var summary = PageType().Field("Summary")!;

        Assert.False(summary.Required);
        Assert.Equal(300, summary.MaxLength);
        Assert.Equal("Résumé", summary.DisplayName);
        Assert.False(string.IsNullOrWhiteSpace(summary.Hint));
    }

    [Fact]
    public void A_page_without_title_is_invalid_with_a_french_message_on_the_title()
    {
        var errors = new List<ContentValidationError>();

        FieldValueValidator.Normalize(PageType(), new JsonObject { ["Summary"] = "Sans titre" }, errors);

        var error = Assert.Single(errors);
        Assert.Equal("Title", error.Field);
        Assert.Contains("obligatoire", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Summary_length_is_checked_against_300(int length, bool valid)
    {
        var errors = new List<ContentValidationError>();
        var content = new JsonObject { ["Title"] = "Rencontre", ["Summary"] = new string('é', length) };

        FieldValueValidator.Normalize(PageType(), content, errors);

        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("Summary", e.Field));
    }

    [Fact]
    public void Body_html_is_sanitized_and_accented_slugs_are_folded()
    {
        var errors = new List<ContentValidationError>();
        var content = new JsonObject
        {
            ["Title"] = "Épicerie solidaire",
            ["Slug"] = "Épicerie Solidaire",
            ["Body"] = "<p onclick=\"alert(1)\">Bonjour</p><script>alert(2)</script>",
        };

        var normalized = FieldValueValidator.Normalize(PageType(), content, errors);

        Assert.Empty(errors);
        Assert.Equal("epicerie-solidaire", normalized["Slug"]!.GetValue<string>());
        var body = normalized["Body"]!.GetValue<string>();
        Assert.Contains("Bonjour", body, StringComparison.Ordinal);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_field_the_page_does_not_declare_is_rejected()
    {
        var errors = new List<ContentValidationError>();

        FieldValueValidator.Normalize(PageType(), new JsonObject { ["Title"] = "A", ["Lieu"] = "Dijon" }, errors);

        Assert.Equal("Lieu", Assert.Single(errors).Field);
    }
}
