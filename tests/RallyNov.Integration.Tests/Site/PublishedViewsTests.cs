using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Users;
using RallyNov.Taxonomies;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// The cards of /laureats, /evenements, /partenaires, /actualites and of the home blocks (laureates,
/// news, pages) are built once and kept between requests (IPublishedViews): a publication must show
/// on the very next render, every time. Each visit has a query string of its own, so it is a render (no output cache
/// hit, checked by the missing <c>Age</c> header): what is checked is the data kept between renders.
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed class PublishedViewsTests(UsersAppFactory app)
{
    [Theory]
    [InlineData("Laureate", "/laureats", "Summary")]
    [InlineData("Laureate", "/", "Summary")]
    [InlineData("Event", "/evenements", "Summary")]
    [InlineData("Partner", "/partenaires", "Description")]
    [InlineData("News", "/actualites", "Summary")]
    [InlineData("News", "/", "Summary")]
    [InlineData("Page", "/", "Summary")]
    public async Task A_publication_shows_on_the_next_render_of_the_list_every_time(string type, string path, string field)
    {
        var id = await DraftOfAsync(type);
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            for (var round = 1; round <= 3; round++)
            {
                // The list is rendered (and its cards kept) before each change.
                await RenderAsync(path);
                var text = $"Carte {round} {Guid.NewGuid():N}";
                using (var saved = await SaveAsync(editor, id, "publish", ("f." + field, text)))
                {
                    Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
                }

                Assert.Contains(text, await RenderAsync(path), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// /initiatives and the home take a page's ids from the search index and its cards from the
    /// cards kept per tenant version (InitiativeCards). A card shown once, through the index, must
    /// show an edit of the title and summary on the next render, and still once the index has
    /// applied the edit (then the index answers again and the card comes from the kept ones).
    /// </summary>
    [Theory]
    [InlineData("/initiatives")]
    [InlineData("/")]
    public async Task An_edited_initiative_shows_in_its_card_at_once_and_once_the_index_answers_again(string path)
    {
        var id = await DraftOfAsync("Initiative");
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            var before = "Carte avant " + Guid.NewGuid().ToString("N");
            await PublishAsync(editor, id, before);
            await ListIndexHoldsAsync(app, id, 50);
            Assert.Contains(before, await RenderAsync(path), StringComparison.Ordinal); // the card is kept now

            for (var round = 1; round <= 2; round++)
            {
                var after = $"Carte {round} " + Guid.NewGuid().ToString("N");
                await PublishAsync(editor, id, after);
                var next = await RenderAsync(path);
                Assert.Contains(after, next, StringComparison.Ordinal);
                Assert.DoesNotContain(before, next, StringComparison.Ordinal);

                await ListIndexHoldsAsync(app, id, 50);
                var indexed = await RenderAsync(path);
                Assert.Contains("Titre " + after, indexed, StringComparison.Ordinal);
                Assert.Contains("Résumé " + after, indexed, StringComparison.Ordinal);
                Assert.DoesNotContain(before, indexed, StringComparison.Ordinal);
                before = after;
            }
        }
    }

    /// <summary>
    /// The filter column of /initiatives (map and facets) is rendered once per tenant version and
    /// filter, then kept for every page of that filter: a publication in a département, a thème
    /// and a year must move their counts at the very next render of a list page seen before.
    /// </summary>
    [Theory]
    [InlineData("/initiatives")]
    [InlineData("/initiatives?page=1")]
    [InlineData("/initiatives?annee=2100")]
    [InlineData("/initiatives?theme=handicap&departement=58")]
    public async Task A_publication_moves_the_counts_of_the_filter_column_at_the_next_render(string path)
    {
        const string Departement = "58", Theme = "handicap";
        var id = await DraftOfAsync("Initiative", item =>
        {
            item.Set("Departement", new System.Text.Json.Nodes.JsonArray(Departement));
            item.Set("Themes", new System.Text.Json.Nodes.JsonArray(Theme));
        });
        string departementName, themeName;
        await using (var scope = app.Scope(Tenant))
        {
            var terms = scope.ServiceProvider.GetRequiredService<ITermNames>();
            departementName = await terms.NameAsync(Vocabularies.Departements, Departement);
            themeName = await terms.NameAsync(Vocabularies.Themes, Theme);
        }

        // Seen twice: the second render takes the kept column.
        await RenderAsync(path);
        var before = await RenderAsync(path);
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            await PublishAsync(editor, id, "Colonne " + Guid.NewGuid().ToString("N"));
        }

        var published = await LatestAsync(app, id, VersionOptions.Published);
        Assert.Equal(Departement, published!.GetFirst("Departement"));
        var after = await RenderAsync(path);
        foreach (var label in new[] { departementName, themeName, "2100" })
        {
            Assert.Equal(FacetCount(before, label) + 1, FacetCount(after, label));
        }
    }

    /// <summary>
    /// The results column of /initiatives (count, cards, pager) is rendered once per tenant version,
    /// filter and page, then kept: an edit, an unpublication and a republication must show at the
    /// very next render of a list page whose column was kept (rendered twice before each change).
    /// </summary>
    [Theory]
    [InlineData("/initiatives")]
    [InlineData("/initiatives?annee=2100")]
    [InlineData("/initiatives?departement=58&annee=2100")]
    public async Task A_change_shows_in_the_kept_results_column_at_the_next_render(string path)
    {
        var id = await DraftOfAsync("Initiative", item => item.Set("Departement", new System.Text.Json.Nodes.JsonArray("58")));
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            var first = "Résultats " + Guid.NewGuid().ToString("N");
            await PublishAsync(editor, id, first);
            await ListIndexHoldsAsync(app, id, 50);
            await RenderAsync(path);
            var shown = await RenderAsync(path);
            Assert.Contains("Titre " + first, shown, StringComparison.Ordinal);

            var edited = "Résultats " + Guid.NewGuid().ToString("N");
            await PublishAsync(editor, id, edited);
            await RenderAsync(path);
            await ListIndexHoldsAsync(app, id, 50);
            await RenderAsync(path);
            var after = await RenderAsync(path);
            Assert.Contains("Titre " + edited, after, StringComparison.Ordinal);
            Assert.DoesNotContain("Titre " + first, after, StringComparison.Ordinal);
            Assert.Equal(ResultCount(shown), ResultCount(after));

            using (var unpublished = await editor.SubmitAsync(EditUrl(id), $"{Prefix}/admin/contents/{id}/unpublish", []))
            {
                Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
            }

            var gone = await RenderAsync(path);
            Assert.DoesNotContain("Titre " + edited, gone, StringComparison.Ordinal);
            Assert.Equal(ResultCount(after) - 1, ResultCount(gone));
            Assert.Equal(ResultCount(gone), ResultCount(await RenderAsync(path)));

            var back = "Résultats " + Guid.NewGuid().ToString("N");
            await PublishAsync(editor, id, back);
            var again = await RenderAsync(path);
            Assert.Contains("Titre " + back, again, StringComparison.Ordinal);
            Assert.Equal(ResultCount(after), ResultCount(again));
        }
    }

    /// <summary>The number of results the heading of the results column shows.</summary>
    private static int ResultCount(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, @"id=""results-title""[^>]*>\s*([\d\u202f\u00a0 ]+) résultat");
        Assert.True(match.Success, "no results heading");
        return int.Parse(System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, @"\D", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The count a facet of the filter column shows for <paramref name="label"/> (0 when the value is not listed).</summary>
    private static int FacetCount(string html, string label)
    {
        var column = html[html.IndexOf("<nav class=\"filters\"", StringComparison.Ordinal)..html.IndexOf("</nav>", html.IndexOf("<nav class=\"filters\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var match = System.Text.RegularExpressions.Regex.Match(column, ">" + System.Text.RegularExpressions.Regex.Escape(label) + @" <span class=""count"">\((\d+)\)</span>");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static async Task PublishAsync(TestBrowser editor, string id, string text)
    {
        using var saved = await SaveAsync(editor, id, "publish", ("f.Title", "Titre " + text), ("f.Summary", "Résumé " + text));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    /// <summary>
    /// A draft of <paramref name="type"/> that sorts first where the home shows a few: the latest
    /// prize year, a news item dated today.
    /// </summary>
    private async Task<string> DraftOfAsync(string type, Action<ContentItem>? fill = null)
    {
        await using var scope = app.Scope(Tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New(type);
        item.Set("Title", "Liste " + type + " " + Guid.NewGuid().ToString("N")[..8]);
        if (type == "Laureate")
        {
            item.Set("PrizeYear", 2100);
        }
        else if (type == "Initiative")
        {
            item.Set("YearIdentified", 2100);
        }
        else if (type == "News")
        {
            item.Set("Date", DateTime.UtcNow.AddYears(50).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        item.Owner = item.Author = "admin";
        fill?.Invoke(item);
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!.ContentItemId;
    }

    private async Task<string> RenderAsync(string path)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(Prefix + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "rendu=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
        return await response.Content.ReadAsStringAsync();
    }
}
