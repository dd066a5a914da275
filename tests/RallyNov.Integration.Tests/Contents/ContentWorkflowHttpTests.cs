using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Contents;

/// <summary>Review, scheduling and version history through the back office, as the roles see them.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class ContentWorkflowHttpTests(UsersAppFactory app)
{
    private const string Prefix = "/bourgogne";

    [Fact]
    public async Task A_contributor_submits_for_review_and_an_editor_publishes()
    {
        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        var title = "Relecture " + contributor;
        var id = await SaveDraftAsync(title, contributor);
        var panel = $"{Prefix}/admin/contents/{id}/versions";

        using var browser = await SignedInAsync(contributor);
        var before = await browser.GetPageAsync(panel);
        Assert.Contains("Soumettre pour relecture", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Programmer la publication", before, StringComparison.Ordinal);

        using (var submit = await browser.SubmitAsync(panel, $"{Prefix}/admin/contents/{id}/workflow/submit", [new("returnUrl", panel)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
            Assert.Equal(panel, submit.Headers.Location!.OriginalString);
        }

        Assert.Contains("En attente de relecture", await browser.GetPageAsync(panel), StringComparison.Ordinal);
        var awaiting = await browser.GetPageAsync($"{Prefix}/admin/contents?status=awaitingreview&q={Uri.EscapeDataString(title)}");
        Assert.Contains($"<th scope=\"row\">{title}</th>", awaiting, StringComparison.Ordinal);
        Assert.Contains("1 contenu.", awaiting, StringComparison.Ordinal);

        using var editor = await SignedInAsync(await app.CreateUserAsync("Bourgogne", "Editor"));
        var dashboard = await editor.GetPageAsync($"{Prefix}/admin");
        Assert.Contains("Contenus en attente de relecture", dashboard, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Prefix}/admin/contents/{id}/edit\">{title}</a>", dashboard, StringComparison.Ordinal);

        using (var publish = await editor.SubmitAsync($"{Prefix}/admin/contents?status=awaitingreview&q={Uri.EscapeDataString(title)}", $"{Prefix}/admin/contents/bulk",
            [new("action", "publish"), new("ids", id)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        }

        var published = await LatestAsync(id);
        Assert.True(published.Published);
        Assert.Null(published.ReviewRequestedUtc);
        var after = await editor.GetPageAsync($"{Prefix}/admin/contents?status=awaitingreview&q={Uri.EscapeDataString(title)}");
        Assert.Contains("Aucun contenu ne correspond.", after, StringComparison.Ordinal);
        Assert.DoesNotContain(title, Html.Section(await editor.GetPageAsync($"{Prefix}/admin"), "review-title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contributor_cannot_schedule_unschedule_or_submit_someone_elses_draft()
    {
        var contributor = await app.CreateUserAsync("Bourgogne", "Contributor");
        var mine = await SaveDraftAsync("Ma proposition " + contributor, contributor);
        var theirs = await SaveDraftAsync("Proposition d'un autre " + contributor, "quelqu-un-d-autre");
        using var browser = await SignedInAsync(contributor);
        // Forged requests: the contributor's pages offer none of these forms.
        var tokenPage = $"{Prefix}/admin/contents/{mine}/versions";

        using (var schedule = await browser.ForgedPostAsync(tokenPage, $"{Prefix}/admin/contents/{mine}/workflow/schedule", [new("publishAt", "2099-01-15T10:00")]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, schedule.StatusCode);
        }

        using (var unschedule = await browser.ForgedPostAsync(tokenPage, $"{Prefix}/admin/contents/{mine}/workflow/unschedule", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unschedule.StatusCode);
        }

        using (var submit = await browser.ForgedPostAsync(tokenPage, $"{Prefix}/admin/contents/{theirs}/workflow/submit", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        }

        using (var history = await browser.GetAsync($"{Prefix}/admin/contents/{theirs}/versions"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        }

        var item = await LatestAsync(mine);
        Assert.Null(item.ScheduledPublishUtc);
        Assert.False(item.Published);
        Assert.Null((await LatestAsync(theirs)).ReviewRequestedUtc);
    }

    [Fact]
    public async Task An_editor_schedules_in_Paris_time_and_cancels()
    {
        var editorName = await app.CreateUserAsync("Bourgogne", "Editor");
        var id = await SaveDraftAsync("Programmé " + editorName, editorName);
        var panel = $"{Prefix}/admin/contents/{id}/versions";
        using var editor = await SignedInAsync(editorName);

        using (var schedule = await editor.SubmitAsync(panel, $"{Prefix}/admin/contents/{id}/workflow/schedule",
            [new("publishAt", "2099-01-15T10:00"), new("versionId", (await LatestAsync(id)).ContentItemVersionId), new("returnUrl", panel)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, schedule.StatusCode);
        }

        // Winter time in Paris is UTC+1.
        Assert.Equal(new DateTime(2099, 1, 15, 9, 0, 0, DateTimeKind.Utc), (await LatestAsync(id)).ScheduledPublishUtc);
        var page = await editor.GetPageAsync(panel);
        Assert.Contains("Publication programmée le 15 janvier 2099 à 10 h 00.", page, StringComparison.Ordinal);
        Assert.Contains("Annuler la programmation", page, StringComparison.Ordinal);

        using (var cancel = await editor.SubmitAsync(panel, $"{Prefix}/admin/contents/{id}/workflow/unschedule", [new("returnUrl", panel)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        }

        Assert.Null((await LatestAsync(id)).ScheduledPublishUtc);
        Assert.False((await LatestAsync(id)).Published);
    }

    [Fact]
    public async Task The_background_scheduler_publishes_a_due_draft_in_the_running_site()
    {
        var editorName = await app.CreateUserAsync("Bourgogne", "Editor");
        var id = await SaveDraftAsync("Échéance " + editorName, editorName);
        await using (var scope = app.Scope("Bourgogne"))
        {
            var workflow = scope.ServiceProvider.GetRequiredService<IContentWorkflow>();
            Assert.True((await workflow.SchedulePublishAsync(id, DateTime.UtcNow.AddHours(1), null, CancellationToken.None)).Succeeded);

            // The form refuses past dates: the passing of time is written straight to the row.
            await scope.ServiceProvider.GetRequiredService<RallyNovDbContext>().ContentItems
                .Where(x => x.ContentItemId == id && x.Latest)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScheduledPublishUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        // The hosted service runs every second here (UsersAppFactory); wait for it, generously.
        ContentItem? live = null;
        for (var attempt = 0; attempt < 300 && live is null; attempt++)
        {
            await Task.Delay(100);
            await using var scope = app.Scope("Bourgogne");
            live = await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published, CancellationToken.None);
        }

        Assert.NotNull(live);
        Assert.Null(live.ScheduledPublishUtc);
    }

    [Fact]
    public async Task The_history_shows_a_field_diff_and_restoring_makes_a_draft_with_the_old_values()
    {
        var author = await app.CreateUserAsync("Bourgogne", "Author");
        var id = await SaveDraftAsync("Historique " + author, author, "Un résumé de départ", "<p>Une épicerie solidaire à Dijon.</p>");
        var first = await LatestAsync(id);
        await using (var scope = app.Scope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var edit = first.Clone();
            edit.Set("Summary", "Un résumé réécrit");
            edit.Set("Body", "<p>Une épicerie <strong>coopérative</strong> à Dijon.</p>");
            Assert.True((await contents.PublishAsync(edit, CancellationToken.None)).Succeeded);
        }

        var second = await LatestAsync(id);
        using var browser = await SignedInAsync(author);
        var list = await browser.GetPageAsync($"{Prefix}/admin/contents/{id}/versions");
        Assert.Contains("Historique des versions", list, StringComparison.Ordinal);
        Assert.Contains($"/admin/contents/{id}/versions/{first.ContentItemVersionId}", list, StringComparison.Ordinal);
        Assert.Contains("Publiée", list, StringComparison.Ordinal);

        var diff = await browser.GetPageAsync($"{Prefix}/admin/contents/{id}/versions/{second.ContentItemVersionId}");
        Assert.Contains("<del>Un résumé de départ</del>", diff, StringComparison.Ordinal);
        Assert.Contains("<ins>Un résumé réécrit</ins>", diff, StringComparison.Ordinal);
        Assert.Contains("<del>solidaire</del>", diff, StringComparison.Ordinal);
        Assert.Contains("<ins>coopérative</ins>", diff, StringComparison.Ordinal);

        var oldPage = $"{Prefix}/admin/contents/{id}/versions/{first.ContentItemVersionId}";
        using (var restore = await browser.SubmitAsync(oldPage, oldPage + "/restore", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
            Assert.Equal($"{Prefix}/admin/contents/{id}/edit", restore.Headers.Location!.OriginalString);
        }

        var restored = await LatestAsync(id);
        Assert.Equal(3, restored.VersionNumber);
        Assert.False(restored.Published);
        Assert.Equal("Un résumé de départ", restored.GetString("Summary"));
        Assert.Equal(author, restored.Author);
        Assert.Contains("restaurée comme brouillon", await browser.GetPageAsync($"{Prefix}/admin/contents/{id}/versions"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_names_the_terms_a_version_added_and_removed()
    {
        var author = await app.CreateUserAsync("Bourgogne", "Author");
        string id;
        await using (var scope = app.Scope("Bourgogne"))
        {
            var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
            var item = contents.New("Initiative");
            item.Set("Title", "Thèmes " + author);
            item.Set("Themes", new System.Text.Json.Nodes.JsonArray("emploi-et-inclusion"));
            item.Owner = author;
            item.Author = author;
            var saved = await contents.SaveDraftAsync(item, CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            id = saved.Item!.ContentItemId;
            var edit = saved.Item.Clone();
            edit.Set("Themes", new System.Text.Json.Nodes.JsonArray("sante-et-aidants", "handicap"));
            var edited = await contents.SaveDraftAsync(edit, CancellationToken.None);
            Assert.True(edited.Succeeded, string.Join(" ", edited.Errors.Select(e => e.Message)));
        }

        var second = await LatestAsync(id);
        using var browser = await SignedInAsync(author);
        var diff = await browser.GetPageAsync($"{Prefix}/admin/contents/{id}/versions/{second.ContentItemVersionId}");
        Assert.Contains("<del>Emploi et inclusion</del>", diff, StringComparison.Ordinal);
        Assert.Contains("<ins>Santé et aidants</ins>", diff, StringComparison.Ordinal);
        Assert.Contains("<ins>Handicap</ins>", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("sante-et-aidants", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_posts_without_an_antiforgery_token_are_refused()
    {
        var author = await app.CreateUserAsync("Bourgogne", "Author");
        var id = await SaveDraftAsync("Sans jeton " + author, author);
        var first = await LatestAsync(id);
        using var browser = await SignedInAsync(author);

        foreach (var action in new[] { "workflow/submit", "workflow/schedule", "workflow/unschedule", $"versions/{first.ContentItemVersionId}/restore" })
        {
            using var response = await browser.PostAsync($"{Prefix}/admin/contents/{id}/{action}", [new("publishAt", "2099-01-15T10:00")]);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var item = await LatestAsync(id);
        Assert.Null(item.ReviewRequestedUtc);
        Assert.Null(item.ScheduledPublishUtc);
        Assert.Equal(1, item.VersionNumber);
    }

    private async Task<TestBrowser> SignedInAsync(string userName)
    {
        var browser = app.Browser();
        using var login = await browser.LoginAsync(Prefix, userName, UsersAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return browser;
    }

    private async Task<ContentItem> LatestAsync(string id)
    {
        await using var scope = app.Scope("Bourgogne");
        return await scope.ServiceProvider.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest, CancellationToken.None)
            ?? throw new InvalidOperationException("No item " + id);
    }

    private async Task<string> SaveDraftAsync(string title, string owner, string? summary = null, string? body = null)
    {
        await using var scope = app.Scope("Bourgogne");
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New("Page");
        item.Set("Title", title);
        item.Set("Summary", summary);
        item.Set("Body", body);
        item.Owner = owner;
        item.Author = owner;
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!.ContentItemId;
    }
}
