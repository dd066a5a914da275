using System.Net;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests;

/// <summary>A second start on the same data folder reuses the data: recipes run only once.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_keeps_edits_and_does_not_run_recipes_again()
    {
        var dataPath = RallyNovFactory.NewDataPath();
        try
        {
            int pagesBefore;
            await using (var first = new RallyNovFactory(dataPath))
            {
                pagesBefore = await first.WithContentAsync("FrancheComte", async contents =>
                    (await contents.QueryAsync(new ContentQuery { ContentTypes = ["Page"], Status = ContentStatus.Latest }, CancellationToken.None)).Total);

                var edited = await first.WithContentAsync("FrancheComte", async contents =>
                {
                    var page = await contents.GetAsync("page-conditions-favorables", VersionOptions.Latest, CancellationToken.None);
                    page!.Set("Title", "Conditions favorables (texte revu)");
                    return await contents.PublishAsync(page, CancellationToken.None);
                });
                Assert.True(edited.Succeeded, string.Join(" ", edited.Errors.Select(e => e.Message)));
            }

            await using var second = new RallyNovFactory(dataPath);
            using var client = second.CreateClient();

            var (status, html) = await Html.GetAsync(client, "/franche-comte/pages/conditions-favorables-innovation-sociale");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Conditions favorables (texte revu)", Html.FirstText(html, "h1"));

            var (pages, versions) = await second.WithContentAsync("FrancheComte", async contents =>
            {
                var all = await contents.QueryAsync(new ContentQuery { ContentTypes = ["Page"], Status = ContentStatus.Latest }, CancellationToken.None);
                var history = await contents.GetVersionsAsync("page-conditions-favorables", CancellationToken.None);
                return (all.Total, history.Count);
            });
            Assert.Equal(pagesBefore, pages); // the recipe's pages (about and legal pages), none imported twice
            Assert.Equal(2, versions); // the recipe's version and the edit, nothing re-imported
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }
}
