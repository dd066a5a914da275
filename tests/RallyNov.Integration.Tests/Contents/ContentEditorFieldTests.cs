using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content.Definitions;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Contents;

/// <summary>One editor per field kind: every type's form renders, and values make the round trip.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class ContentEditorFieldTests(UsersAppFactory app)
{
    [Theory]
    [InlineData("Page")]
    [InlineData("News")]
    [InlineData("KeyFigures")]
    [InlineData("Initiative")]
    [InlineData("Event")]
    [InlineData("Partner")]
    [InlineData("Laureate")]
    public async Task The_new_form_of_each_type_has_an_input_per_field(string type)
    {
        var (editor, _) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var definition = app.Services.GetRequiredService<IContentDefinitionManager>().Find(type)!;

        var html = await editor.GetPageAsync($"{Prefix}/admin/contents/new/{type}");

        Assert.Contains($"Nouveau contenu : {definition.DisplayName}", html, StringComparison.Ordinal);
        foreach (var field in definition.Fields)
        {
            var id = field.Kind == FieldKind.Taxonomy && field.Multiple ? $"<fieldset class=\"field\" id=\"f-{field.Name}\"" : $"id=\"f-{field.Name}\"";
            Assert.Contains(id, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Picker_media_and_link_values_make_the_round_trip()
    {
        var (editor, user) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var initiative = await DraftAsync(app, user);
        var form = await editor.GetPageAsync($"{Prefix}/admin/contents/new/Laureate");
        Assert.Contains($"<option value=\"{initiative.ContentItemId}\"", form, StringComparison.Ordinal);

        using var created = await PostFormAsync(editor, $"{Prefix}/admin/contents/new/Laureate", form, "draft",
            ("f.Title", "Lauréat " + initiative.DisplayText), ("f.Initiative", initiative.ContentItemId), ("f.PrizeYear", "2023"),
            ("f.Image.path", "laureats/photo.jpg"), ("f.Image.alt", "L'équipe sur scène"),
            ("f.Video.url", "https://example.org/replay"), ("f.Video.text", "Le replay"));
        var id = IdFromRedirect(created);

        var stored = (await LatestAsync(app, id))!.Content;
        Assert.Equal(initiative.ContentItemId, stored["Initiative"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal(2023, stored["PrizeYear"]!.GetValue<long>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["path"] = "laureats/photo.jpg", ["alt"] = "L'équipe sur scène" }, stored["Image"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["url"] = "https://example.org/replay", ["text"] = "Le replay" }, stored["Video"]));

        var edit = await editor.GetPageAsync(EditUrl(id));
        Assert.Contains($"<option value=\"{initiative.ContentItemId}\" selected=\"selected\">", edit, StringComparison.Ordinal);
        Assert.Contains($"<img src=\"{Prefix}/media/laureats/photo.jpg?w=320\"", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"https://example.org/replay\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_and_terms_make_the_round_trip()
    {
        var (editor, _) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var form = await editor.GetPageAsync($"{Prefix}/admin/contents/new/Event");

        using var created = await PostFormAsync(editor, $"{Prefix}/admin/contents/new/Event", form, "draft",
            ("f.Title", "Rencontre " + Guid.NewGuid().ToString("N")[..6]), ("f.Start", "2026-03-05T14:30"), ("f.End", "2026-03-05"), ("f.Departement", "21"));
        var id = IdFromRedirect(created);

        var stored = (await LatestAsync(app, id))!.Content;
        Assert.Equal("2026-03-05T14:30", stored["Start"]!.GetValue<string>());
        Assert.Equal("2026-03-05", stored["End"]!.GetValue<string>());
        var edit = await editor.GetPageAsync(EditUrl(id));
        Assert.Contains("type=\"datetime-local\" id=\"f-Start\" name=\"f.Start\" value=\"2026-03-05T14:30\"", edit, StringComparison.Ordinal);
        Assert.Contains("type=\"date\" id=\"f-End\" name=\"f.End\" value=\"2026-03-05\"", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"21\" selected=\"selected\">", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_for_an_unknown_type_is_not_found()
    {
        var (editor, _) = await SignedInAsync(app, "Editor");
        using var _e = editor;

        using var response = await editor.GetAsync($"{Prefix}/admin/contents/new/Inexistant");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
