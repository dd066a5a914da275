using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Scheduling;
using RallyNov.Core.Data;
using RallyNov.Core.Settings;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// The output cache of public answers as visitors and editors meet it: a hit carries an
/// <c>Age</c> header (the ASP.NET Core output cache adds it when it serves a stored answer), a
/// rendered answer has none. Every change an editor commits shows on the very next request, only
/// the changed tenant loses its entries, and a signed-in person never gets or leaves a stored page.
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed class OutputCacheTests(UsersAppFactory app)
{
    [Fact]
    public async Task A_publication_shows_on_the_next_request_every_time()
    {
        var (editor, url, id) = await PublishedInitiativeAsync("Version 0");
        using (editor)
        {
            await WarmAsync(url);
            for (var round = 1; round <= 3; round++)
            {
                var summary = $"Version {round} {Guid.NewGuid():N}";
                using (var saved = await SaveAsync(editor, id, "publish", ("f.Summary", summary)))
                {
                    Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                }

                // At once, no waiting: the entry went when the publication committed.
                using var response = await Anonymous(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Null(response.Headers.Age);
                Assert.Contains(summary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_publication_in_one_tenant_keeps_the_other_tenants_cached()
    {
        const string other = "/franche-comte/initiatives";
        await WarmAsync(other);
        var (editor, _, id) = await PublishedInitiativeAsync("Isolée");
        using (editor)
        {
            using var stillCached = await Anonymous(other);
            Assert.Equal(HttpStatusCode.OK, stillCached.StatusCode);
            Assert.NotNull(stillCached.Headers.Age);

            // The portal shows every territory: it follows their changes.
            await WarmAsync("/");
            using (var saved = await SaveAsync(editor, id, "publish", ("f.Summary", "Encore " + Guid.NewGuid().ToString("N"))))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            using var portal = await Anonymous("/");
            Assert.Null(portal.Headers.Age);
            using var otherAgain = await Anonymous(other);
            Assert.NotNull(otherAgain.Headers.Age);
        }
    }

    [Fact]
    public async Task A_signed_in_editor_never_gets_a_stored_page_nor_leaves_one()
    {
        var (editor, url, id) = await PublishedInitiativeAsync("Relue");
        using (editor)
        {
            // Right after a change nothing is stored: the editor's visit comes first.
            using (var saved = await SaveAsync(editor, id, "publish", ("f.Summary", "Après relecture")))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            using (var own = await editor.GetAsync(url))
            {
                Assert.Equal(HttpStatusCode.OK, own.StatusCode);
                Assert.Null(own.Headers.Age);
                Assert.True(own.Headers.CacheControl?.Private, "A signed-in answer must be private.");
            }

            // The visitor's request is rendered, so the editor's answer was not kept for others.
            using (var visitor = await Anonymous(url))
            {
                Assert.Null(visitor.Headers.Age);
                Assert.False(visitor.Headers.CacheControl?.Private ?? false);
            }

            // Stored for visitors from now on (the next hit may wait for the search indexer, which
            // catches up with the publication in the background and evicts once more).
            await WarmAsync(url);

            // The page is stored now, and the editor still gets a fresh one.
            using var again = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Null(again.Headers.Age);
        }
    }

    [Fact]
    public async Task A_client_with_the_current_copy_gets_304_and_a_changed_page_gets_a_new_etag()
    {
        var (editor, url, id) = await PublishedInitiativeAsync("Validée");
        using (editor)
        {
            var etag = await WarmAsync(url);
            using (var notModified = await Anonymous(url, etag))
            {
                Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
                Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            }

            using (var saved = await SaveAsync(editor, id, "publish", ("f.Summary", "Changée " + Guid.NewGuid().ToString("N"))))
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }

            using var changed = await Anonymous(url, etag);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotNull(changed.Headers.ETag);
            Assert.NotEqual(etag.Tag, changed.Headers.ETag!.Tag);
        }
    }

    [Fact]
    public async Task A_scheduled_publication_evicts_when_it_fires()
    {
        const string home = Prefix + "/";
        var title = "Programmée " + Guid.NewGuid().ToString("N")[..8];
        var draft = await DraftAsync(app, "admin", title);
        await WarmAsync(home);
        await using (var scope = app.Scope(Tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<RallyNovDbContext>();
            await db.ContentItems.Where(x => x.ContentItemVersionId == draft.ContentItemVersionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScheduledPublishUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        // The scheduler passes every second in this factory; a pass of our own makes it certain.
        await app.Services.GetRequiredService<IScheduledPublisher>().RunOnceAsync(CancellationToken.None);
        using var response = await Anonymous(Prefix + "/initiatives/" + (await LatestAsync(app, draft.ContentItemId))!.Slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = await Anonymous(home);
        Assert.Null(after.Headers.Age);
    }

    [Fact]
    public async Task Saved_settings_show_on_the_next_request_of_that_tenant_only()
    {
        const string other = "/franche-comte/";
        await WarmAsync(Prefix + "/");
        await WarmAsync(other);
        var footer = "Pied de page " + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope(Tenant))
        {
            var settings = scope.ServiceProvider.GetRequiredService<ISiteSettingsService>();
            var site = await settings.GetAsync("site", CancellationToken.None);
            site["footerText"] = footer;
            await settings.SaveAsync("site", site, CancellationToken.None);
        }

        using var page = await Anonymous(Prefix + "/");
        Assert.Null(page.Headers.Age);
        Assert.Contains(footer, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var untouched = await Anonymous(other);
        Assert.NotNull(untouched.Headers.Age);
        Assert.DoesNotContain(footer, await untouched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_territory_counts_follow_a_publication_on_the_next_uncached_request()
    {
        // A query string of its own makes each visit a render (never an output cache hit): what is
        // checked is the data the portal keeps between renders, not the stored page.
        var before = await BourgogneInitiativesOnPortalAsync();
        var again = await BourgogneInitiativesOnPortalAsync();
        Assert.Equal(before, again);

        var (editor, _, _) = await PublishedInitiativeAsync("Comptée sur le portail");
        editor.Dispose();

        Assert.Equal(before + 1, await BourgogneInitiativesOnPortalAsync());
    }

    /// <summary>The number of initiatives the portal's home shows on the Bourgogne card, from a fresh render.</summary>
    private async Task<int> BourgogneInitiativesOnPortalAsync()
    {
        using var response = await Anonymous("/?rendu=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
        var html = await response.Content.ReadAsStringAsync();
        var card = Regex.Match(html, "<h3><a href=\"" + Prefix + "/\">.*?</article>", RegexOptions.Singleline);
        Assert.True(card.Success, "The portal's home has no Bourgogne card.");
        var count = Regex.Match(card.Value, "<strong>(\\d+)</strong>\\s*initiatives?", RegexOptions.Singleline);
        Assert.True(count.Success, "The Bourgogne card shows no initiative count: " + card.Value);
        return int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An initiative published through the editor form; its public URL and the signed-in editor.</summary>
    private async Task<(TestBrowser Editor, string Url, string Id)> PublishedInitiativeAsync(string summary)
    {
        var title = "Cache " + Guid.NewGuid().ToString("N")[..10];
        var draft = await DraftAsync(app, "admin", title);
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (var published = await SaveAsync(editor, draft.ContentItemId, "publish", ("f.Title", title), ("f.Summary", summary)))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var slug = (await LatestAsync(app, draft.ContentItemId))!.Slug;
        var url = Prefix + "/initiatives/" + slug;
        return (editor, url, draft.ContentItemId);
    }

    /// <summary>
    /// Anonymous visits until one is served from the cache. Usually the second; a little later when
    /// the search indexer, catching up in the background with a change just made, evicts in between.
    /// </summary>
    private async Task<EntityTagHeaderValue> WarmAsync(string url)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await Anonymous(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
            if (response.Headers.Age is not null)
            {
                return response.Headers.ETag!;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"{url} is never served from the cache.");
        return null!;
    }

    private async Task<HttpResponseMessage> Anonymous(string url, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await client.SendAsync(request);
    }
}
