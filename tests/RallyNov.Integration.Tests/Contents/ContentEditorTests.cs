using System.Net;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Contents;

/// <summary>The back-office create/edit form, through HTTP as a browser without JavaScript uses it.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class ContentEditorTests(UsersAppFactory app)
{
    [Fact]
    public async Task An_editor_creates_previews_publishes_and_unpublishes_an_initiative()
    {
        var (editor, _) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var title = "Jardin partagé " + Guid.NewGuid().ToString("N")[..8];

        var form = await editor.GetPageAsync(Prefix + "/admin/contents/new/Initiative");
        Assert.Contains("Enregistrer le brouillon", form, StringComparison.Ordinal);
        Assert.Contains("Publier", form, StringComparison.Ordinal);
        Assert.Contains("data-rich-text", form, StringComparison.Ordinal);
        Assert.DoesNotContain("_ContentWorkflow", form, StringComparison.Ordinal);

        using var created = await PostFormAsync(editor, Prefix + "/admin/contents/new/Initiative", form, "draft",
            ("f.Title", title), ("f.Summary", "Un jardin ouvert à tous."), ("f.Body", "<p>Des <strong>légumes</strong> pour le quartier.</p>"),
            ("f.YearIdentified", "2023"), ("f.Departement", "21"));
        var id = IdFromRedirect(created);
        var draft = await LatestAsync(app, id);
        Assert.NotNull(draft);
        Assert.False(draft.Published);
        Assert.Equal(title, draft.DisplayText);
        Assert.NotNull(draft.Slug);
        var publicUrl = $"{Prefix}/initiatives/{draft.Slug}";

        var edit = await editor.GetPageAsync(EditUrl(id));
        Assert.Contains($"value=\"{title}\"", edit, StringComparison.Ordinal);
        Assert.Contains("Brouillon", edit, StringComparison.Ordinal);
        Assert.Contains("Version 1", edit, StringComparison.Ordinal);

        var preview = await editor.GetPageAsync($"{Prefix}/admin/contents/{id}/preview");
        Assert.Contains("Aperçu du brouillon", preview, StringComparison.Ordinal);
        Assert.Contains(title, preview, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex", preview, StringComparison.Ordinal);
        Assert.Contains("<strong>légumes</strong>", preview, StringComparison.Ordinal);

        using (var anonymous = app.Browser())
        using (var anonymousPreview = await anonymous.GetAsync($"{Prefix}/admin/contents/{id}/preview"))
        {
            Assert.NotEqual(HttpStatusCode.OK, anonymousPreview.StatusCode);
            Assert.DoesNotContain(title, await anonymousPreview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (contributor, _) = await SignedInAsync(app, "Contributor");
        using (contributor)
        using (var refused = await contributor.GetAsync($"{Prefix}/admin/contents/{id}/preview"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var before = await app.Browser().GetAsync(publicUrl))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using var published = await SaveAsync(editor, id, "publish", ("f.Title", title), ("f.Summary", "Un jardin ouvert à tous."));
        Assert.Equal(id, IdFromRedirect(published));
        using (var visitor = app.Browser())
        {
            var page = await visitor.GetPageAsync(publicUrl);
            Assert.Contains(title, page, StringComparison.Ordinal);
        }

        Assert.Contains("Dépublier", await editor.GetPageAsync(EditUrl(id)), StringComparison.Ordinal);
        using var unpublished = await editor.SubmitAsync(EditUrl(id), $"{Prefix}/admin/contents/{id}/unpublish", []);
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        using (var after = await app.Browser().GetAsync(publicUrl))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }
    }

    [Fact]
    public async Task A_failed_save_shows_french_errors_next_to_the_fields_and_keeps_the_input()
    {
        var (author, _) = await SignedInAsync(app, "Author");
        using var _a = author;
        var summary = "Résumé à garder " + Guid.NewGuid().ToString("N")[..8];
        var form = await author.GetPageAsync(Prefix + "/admin/contents/new/Initiative");

        using var response = await PostFormAsync(author, Prefix + "/admin/contents/new/Initiative", form, "draft",
            ("f.Title", ""), ("f.Summary", summary), ("f.YearIdentified", "1850"), ("f.Body", "<p>Corps conservé</p>"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Le contenu n'a pas été enregistré", html, StringComparison.Ordinal);
        Assert.Contains("est obligatoire", html, StringComparison.Ordinal);
        Assert.Contains("doit être compris entre 1990 et 2100", html, StringComparison.Ordinal);
        Assert.Contains($">{summary}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"1850\"", html, StringComparison.Ordinal);
        Assert.Contains("Corps conservé", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f-Title\"[^>]*aria-describedby=\"f-Title-error\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("id=\"f-Title-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-YearIdentified\"", html, StringComparison.Ordinal);

        // Nothing was stored under the form's id.
        Assert.Null(await LatestAsync(app, Hidden(html, "contentItemId")));
    }

    [Fact]
    public async Task A_second_save_from_a_stale_form_gets_a_conflict_and_keeps_its_input()
    {
        var (first, firstUser) = await SignedInAsync(app, "Editor");
        var (second, _) = await SignedInAsync(app, "Editor");
        using var _f = first;
        using var _s = second;
        var item = await DraftAsync(app, firstUser);
        var firstPage = await first.GetPageAsync(EditUrl(item.ContentItemId));
        var secondPage = await second.GetPageAsync(EditUrl(item.ContentItemId));

        using var saved = await PostFormAsync(first, EditUrl(item.ContentItemId), firstPage, "draft", ("f.Title", "Version de la première"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var conflict = await PostFormAsync(second, EditUrl(item.ContentItemId), secondPage, "draft", ("f.Title", "Version de la seconde"));

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains($"Ce contenu a été modifié par {firstUser} le", html, StringComparison.Ordinal);
        Assert.Contains("Vos modifications n&#x27;ont pas été enregistrées", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Version de la seconde\"", html, StringComparison.Ordinal);
        Assert.Equal("Version de la première", (await LatestAsync(app, item.ContentItemId))!.DisplayText);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var (editor, _) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var title = "Sans jeton " + Guid.NewGuid().ToString("N")[..8];

        using var response = await editor.PostAsync(Prefix + "/admin/contents/new/Initiative", [new("f.Title", title), new("submit", "publish")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Rich_text_is_sanitized_on_save()
    {
        var (editor, user) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var item = await DraftAsync(app, user);

        using var response = await SaveAsync(editor, item.ContentItemId, "draft",
            ("f.Title", item.DisplayText), ("f.Body", "<p>Bonjour</p><script>alert('x')</script><img src=\"x\" alt=\"Photo\" onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">lien</a>"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = (await LatestAsync(app, item.ContentItemId))!.GetString("Body")!;
        Assert.Contains("<p>Bonjour</p>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_item_goes_to_the_bin_after_confirmation_and_comes_back()
    {
        var (author, user) = await SignedInAsync(app, "Author");
        using var _a = author;
        var item = await DraftAsync(app, user);

        var confirm = await author.GetPageAsync($"{Prefix}/admin/contents/{item.ContentItemId}/delete");
        Assert.Contains("Oui, mettre à la corbeille", confirm, StringComparison.Ordinal);
        using var deleted = await author.SubmitAsync(HtmlForm.Find(confirm, $"{Prefix}/admin/contents/{item.ContentItemId}/delete", $"{Prefix}/admin/contents/{item.ContentItemId}/delete"), []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await LatestAsync(app, item.ContentItemId));

        var bin = await author.GetPageAsync(EditUrl(item.ContentItemId));
        Assert.Contains("dans la corbeille", bin, StringComparison.Ordinal);
        Assert.Contains("Restaurer", bin, StringComparison.Ordinal);
        using var restored = await author.SubmitAsync(HtmlForm.Find(bin, EditUrl(item.ContentItemId), $"{Prefix}/admin/contents/{item.ContentItemId}/restore"), []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.NotNull(await LatestAsync(app, item.ContentItemId));
    }

    [Fact]
    public async Task The_content_list_links_each_row_to_its_edit_form()
    {
        var (editor, user) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var item = await DraftAsync(app, user);

        var html = await editor.GetPageAsync($"{Prefix}/admin/contents?type=Initiative&q={Uri.EscapeDataString(item.DisplayText)}");

        Assert.Contains($"href=\"{EditUrl(item.ContentItemId)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Prefix}/admin/contents/new/Initiative\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_preview_returns_sanitized_html_with_and_without_javascript()
    {
        var (editor, _) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var form = await editor.GetPageAsync(Prefix + "/admin/contents/new/KeyFigures");

        // What editor.js sends: the markdown and the editor form's own token.
        var editorForm = HtmlForm.Find(form, Prefix + "/admin/contents/new/KeyFigures", Prefix + "/admin/contents/new/KeyFigures");
        using var fetched = await editor.PostAsync(Prefix + "/admin/contents/preview-markdown",
            [new(HtmlForm.TokenField, editorForm.Token!), new("markdown", "**143** participants <script>alert(1)</script>")]);
        var html = await fetched.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Contains("<strong>143</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        using var rendered = await PostFormAsync(editor, Prefix + "/admin/contents/new/KeyFigures", form, "preview:Figures",
            ("f.Title", "Chiffres"), ("f.Figures", "**12** | lauréats"));
        var page = await rendered.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Contains("<strong>12</strong>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Chiffres\"", page, StringComparison.Ordinal);
        Assert.Null(await LatestAsync(app, Hidden(page, "contentItemId")));
    }

    [Fact]
    public async Task The_picker_endpoint_finds_items_by_title()
    {
        var (editor, user) = await SignedInAsync(app, "Editor");
        using var _e = editor;
        var item = await DraftAsync(app, user);

        var json = await editor.GetPageAsync($"{Prefix}/admin/contents/picker?types=Initiative&q={Uri.EscapeDataString(item.DisplayText)}");

        Assert.Contains($"\"id\":\"{item.ContentItemId}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"Page\"", json, StringComparison.Ordinal);
    }
}
