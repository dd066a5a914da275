using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Users;
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
    /// A draft of <paramref name="type"/> that sorts first where the home shows a few: the latest
    /// prize year, a news item dated today.
    /// </summary>
    private async Task<string> DraftOfAsync(string type)
    {
        await using var scope = app.Scope(Tenant);
        var contents = scope.ServiceProvider.GetRequiredService<IContentManager>();
        var item = contents.New(type);
        item.Set("Title", "Liste " + type + " " + Guid.NewGuid().ToString("N")[..8]);
        if (type == "Laureate")
        {
            item.Set("PrizeYear", 2100);
        }
        else if (type == "News")
        {
            item.Set("Date", DateTime.UtcNow.AddYears(50).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        item.Owner = item.Author = "admin";
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!.ContentItemId;
    }

    private async Task<string> RenderAsync(string path)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(Prefix + path + "?rendu=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age);
        return await response.Content.ReadAsStringAsync();
    }
}
