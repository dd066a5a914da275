using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using RallyNov.Integration.Tests.Contents;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Hardening;

/// <summary>
/// kill -9 in the middle of a publish storm: every publish the site acknowledged (the editor's
/// redirect after "Publier") is there after a restart, on its public page and in search.
/// </summary>
public sealed class PublishStormCrashTests
{
    private const int Workers = 4;
    private const int Wanted = 20;

    /// <summary>Publishes the site refused (a 200 with errors): in the failure message, they say why.</summary>
    private static readonly ConcurrentQueue<string> Refusals = new();
    private static readonly TimeSpan MaxStorm = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Every_acknowledged_publish_survives_a_kill_9_and_is_found_after_restart()
    {
        var dataPath = await SiteTemplate.CopyAsync();
        try
        {
            var acknowledged = new ConcurrentBag<(string Id, string Word)>();
            await using (var site = HostProcess.Start(dataPath, ("RallyNov:RateLimits:Enabled", "false")))
            {
                await site.WaitForHealthAsync(TimeSpan.FromSeconds(90));
                using var stop = new CancellationTokenSource();
                var storm = Enumerable.Range(0, Workers).Select(w => PublishUntilStoppedAsync(site, w, acknowledged, stop.Token)).ToList();

                var deadline = DateTime.UtcNow + MaxStorm;
                while (acknowledged.Count < Wanted && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }

                site.Kill(); // while the workers are still publishing
                await stop.CancelAsync();
                await Task.WhenAll(storm);
            }

            Assert.True(acknowledged.Count >= Wanted, $"Only {acknowledged.Count} publishes were acknowledged before the kill; refused: {string.Join(" | ", Refusals.Take(3))}");

            await using var restarted = HostProcess.Start(dataPath, ("RallyNov:RateLimits:Enabled", "false"));
            await restarted.WaitForHealthAsync(TimeSpan.FromSeconds(60));
            using var visitor = restarted.Client();
            var missing = new List<string>();
            foreach (var (id, word) in acknowledged)
            {
                // /health is 200 only once the index is built: no waiting, no retry.
                using var json = JsonDocument.Parse(await visitor.GetStringAsync(new Uri("/bourgogne/api/search?q=" + word, UriKind.Relative)));
                var hits = json.RootElement.GetProperty("hits");
                if (hits.GetArrayLength() != 1)
                {
                    missing.Add($"{id} ({word}): {hits.GetArrayLength()} hits");
                    continue;
                }

                using var page = await visitor.GetAsync(new Uri(hits[0].GetProperty("url").GetString()!, UriKind.Relative));
                if (page.StatusCode != HttpStatusCode.OK || !(await page.Content.ReadAsStringAsync()).Contains(word, StringComparison.Ordinal))
                {
                    missing.Add($"{id} ({word}): page {(int)page.StatusCode}");
                }
            }

            Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged publishes lost: {string.Join("; ", missing.Take(10))}");
        }
        finally
        {
            RallyNovFactory.DeleteDataPath(dataPath);
        }
    }

    /// <summary>Signs in, then publishes new pages through the editor form (the form it was given) until stopped.</summary>
    internal static async Task PublishUntilStoppedAsync(HostProcess site, int worker, ConcurrentBag<(string Id, string Word)> acknowledged, CancellationToken stop)
    {
        using var client = site.Client();
        try
        {
            var login = HtmlForm.Find(await client.GetStringAsync(new Uri("/bourgogne/admin/login", UriKind.Relative), stop), "/bourgogne/admin/login", "/bourgogne/admin/login");
            using (var signedIn = await client.PostAsync(new Uri(login.Action, UriKind.Relative), login.Body(login.With([new("UserName", "admin"), new("Password", RallyNovFactory.AdminPassword)])), stop))
            {
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }

            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                // The editor form the page gave (its id, version and token), filled in, « Publier » clicked.
                var form = HtmlForm.Find(await client.GetStringAsync(new Uri("/bourgogne/admin/contents/new/Page", UriKind.Relative), stop), "/bourgogne/admin/contents/new/Page", "/bourgogne/admin/contents/new/Page");
                var word = UniqueWord();
                var values = form.With(
                [
                    new("f.Title", $"Tempête {worker}-{n} {word}"),
                    new("f.Body", $"<p>Publication {n} de l'ouvrier {worker} : {word}.</p>"),
                    new("submit", "publish"),
                ]);
                using var published = await client.PostAsync(new Uri(form.Action, UriKind.Relative), form.Body(values), stop);
                if (published.StatusCode == HttpStatusCode.Redirect)
                {
                    acknowledged.Add((EditorHelpers.IdFromRedirect(published), word));
                }
                else
                {
                    Refusals.Enqueue($"{(int)published.StatusCode}: {Html.FirstText(await published.Content.ReadAsStringAsync(stop), "h1")}");
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The server was killed under this request: it was never acknowledged.
        }
    }

    /// <summary>A made-up word of ten letters: found by search only in the page that holds it.</summary>
    private static string UniqueWord()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return new string(bytes.Take(10).Select(b => (char)('a' + b % 26)).ToArray());
    }
}
