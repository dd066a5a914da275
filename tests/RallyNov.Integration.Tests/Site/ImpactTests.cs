using System.Net;
using System.Text.RegularExpressions;
using RallyNov.Integration.Tests.Users;
using static RallyNov.Integration.Tests.Contents.EditorHelpers;

namespace RallyNov.Integration.Tests.Site;

/// <summary>
/// Impact indicators typed in the editor form (French spellings of numbers included) are stored as
/// integers, shown on the initiative's page, and summed on the territory's home, on its map and on
/// the portal's home on the very next request, although those pages were in the output cache; a
/// wrong figure is refused in French with what was typed kept.
/// </summary>
[Collection(UsersAppGroup.Name)]
public sealed partial class ImpactTests(UsersAppFactory app)
{
    [Fact]
    public async Task Figures_typed_in_the_editor_show_on_the_page_and_in_every_sum_at_once()
    {
        await WarmAsync(Prefix + "/");
        await WarmAsync("/");
        var homeBefore = await JobsAsync(Prefix + "/", HomeJobs());
        var portalBefore = await JobsAsync("/", PortalBourgogneJobs());
        var mapBefore = await JobsAsync(Prefix + "/initiatives", MapCoteDOrJobs());

        var title = "Impact " + Guid.NewGuid().ToString("N")[..10];
        var draft = await DraftAsync(app, "admin", title);
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            using var published = await SaveAsync(editor, draft.ContentItemId, "publish",
                ("f.Title", title),
                ("f.Departement", "21"),
                ("f.ImpactJobs", "1 200"),
                ("f.ImpactPeople", "45"),
                ("f.ImpactYear", "2025"));
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        var stored = (await LatestAsync(app, draft.ContentItemId))!;
        Assert.Equal(1200, stored.Content["ImpactJobs"]!.GetValue<long>());
        Assert.Equal(45, stored.Content["ImpactPeople"]!.GetValue<long>());
        Assert.Null(stored.Content["ImpactVolunteers"]);

        var detail = await TextAsync(Prefix + "/initiatives/" + stored.Slug);
        Assert.Contains("Impact en 2025", detail, StringComparison.Ordinal);
        Assert.Contains("<strong>1 200</strong> emplois créés ou maintenus", detail, StringComparison.Ordinal);
        Assert.Contains("<strong>45</strong> personnes touchées", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("bénévole", detail, StringComparison.Ordinal);

        Assert.Equal(homeBefore + 1200, await JobsAsync(Prefix + "/", HomeJobs()));
        Assert.Equal(portalBefore + 1200, await JobsAsync("/", PortalBourgogneJobs()));
        Assert.Equal(mapBefore + 1200, await JobsAsync(Prefix + "/initiatives", MapCoteDOrJobs()));
    }

    [Fact]
    public async Task A_wrong_figure_is_refused_in_french_and_what_was_typed_is_kept()
    {
        var draft = await DraftAsync(app, "admin", "Impact faux " + Guid.NewGuid().ToString("N")[..8]);
        var (editor, _) = await SignedInAsync(app, "Editor");
        using (editor)
        {
            using var refused = await SaveAsync(editor, draft.ContentItemId, "publish",
                ("f.ImpactJobs", "beaucoup"),
                ("f.ImpactVolunteers", "-3"),
                ("f.StructureName", "Gardée telle quelle"));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("« Impact : emplois créés ou maintenus » doit être un nombre.", html, StringComparison.Ordinal);
            Assert.Contains("« Impact : bénévoles » doit être compris entre 0 et", html, StringComparison.Ordinal);
            Assert.Contains("value=\"beaucoup\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"-3\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Gardée telle quelle\"", html, StringComparison.Ordinal);
        }

        var unchanged = (await LatestAsync(app, draft.ContentItemId))!;
        Assert.Equal(draft.ContentItemVersionId, unchanged.ContentItemVersionId);
        Assert.Null(unchanged.PublishedUtc);
    }

    /// <summary>The number of jobs in a figure of the given page (0 when no job is declared there), from an anonymous request.</summary>
    private async Task<long> JobsAsync(string url, Regex pattern)
    {
        var match = pattern.Match(await TextAsync(url));
        return match.Success ? long.Parse(match.Groups["n"].Value.Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private async Task<string> TextAsync(string url)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // French digit grouping uses a (narrow) no-break space: compared as a plain space.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' ');
    }

    /// <summary>Anonymous visits until one is served from the output cache: the sums must not stay there.</summary>
    private async Task WarmAsync(string url)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var client = app.Client();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (response.Headers.Age is not null)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail(url + " is never served from the cache.");
    }

    [GeneratedRegex(@"<ul class=""impact-figures"">\s*<li><strong>(?<n>[\d ]+)</strong> emplois?</li>")]
    private static partial Regex HomeJobs();

    [GeneratedRegex(@"<a href=""/bourgogne/initiatives"">[^<]+</a> : (?<n>[\d ]+) emplois?")]
    private static partial Regex PortalBourgogneJobs();

    [GeneratedRegex(@"<span class=""map-impact-name"">Côte-d'Or</span> : (?<n>[\d ]+) emplois?")]
    private static partial Regex MapCoteDOrJobs();
}
