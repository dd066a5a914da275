using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Scheduling;
using RallyNov.Core.Content;
using RallyNov.Tenants.Management;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>A disabled site's background work stops (scheduled publishing, search indexing) and resumes when it is enabled; its data is untouched.</summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantBackgroundWorkTests(TenantsAppFactory app)
{
    [Fact]
    public async Task Scheduling_and_indexing_stop_while_a_site_is_disabled_and_resume_after()
    {
        var name = TenantsAppFactory.UniqueName("Pause");
        var prefix = name.ToLowerInvariant();
        var manager = app.Services.GetRequiredService<ITenantManager>();
        await manager.CreateAsync(new TenantCreateRequest
        {
            Name = name,
            DisplayName = "Pause",
            UrlPrefix = prefix,
            AdminUserName = "pause-admin",
            AdminEmail = "pause@example.org",
            AdminPassword = TenantsAppFactory.SiteAdminPassword,
        }, "tests", null, CancellationToken.None);

        // A draft scheduled for in a second.
        var scheduled = await app.InTenantAsync(name, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var draft = contents.New("Page");
            draft.Set("Title", "Programmée pendant la pause");
            Assert.True((await contents.SaveDraftAsync(draft, CancellationToken.None)).Succeeded);
            Assert.True((await sp.GetRequiredService<IContentWorkflow>().SchedulePublishAsync(draft.ContentItemId, DateTime.UtcNow.AddSeconds(1), null, CancellationToken.None)).Succeeded);
            return draft.ContentItemId;
        });

        await manager.DisableAsync(name, "tests", CancellationToken.None);

        // Its search index is closed (the writer lets its lock go); from then on nothing is written to it.
        var lucene = app.Store.PathsFor(name).SearchIndex;
        var closedBy = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(Path.Combine(lucene, "write.lock")) && DateTime.UtcNow < closedBy)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(Path.Combine(lucene, "write.lock")), "The disabled site's index is still open.");
        var indexBefore = Snapshot(lucene);

        // Published into its database while it is closed (as an import from the command line would do).
        await app.InTenantAsync(name, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = contents.New("Page");
            item.Set("Title", "Ornithologie pendant la fermeture");
            Assert.True((await contents.PublishAsync(item, CancellationToken.None)).Succeeded);
            return item.ContentItemId;
        });
        await Task.Delay(TimeSpan.FromSeconds(2));

        var run = await app.Services.GetRequiredService<IScheduledPublisher>().RunOnceAsync(CancellationToken.None);
        Assert.False(run.Published.ContainsKey(name));
        Assert.False(await PublishedAsync(name, scheduled));
        Assert.Equal(indexBefore, Snapshot(lucene));

        // Enabled: the scheduled draft goes live at the next pass, the index catches up.
        await manager.EnableAsync(name, "tests", CancellationToken.None);
        await app.Services.GetRequiredService<IScheduledPublisher>().RunOnceAsync(CancellationToken.None);
        Assert.True(await PublishedAsync(name, scheduled));
        using var visitor = app.Site();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string page;
        do
        {
            await Task.Delay(200);
            // Until its index is built again, search answers 503 « recherche indisponible » (issue 15).
            using var response = await visitor.GetAsync($"/{prefix}/recherche?q=ornithologie");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"Search answered {(int)response.StatusCode}");
            page = SiteBrowser.Text(await response.Content.ReadAsStringAsync());
        }
        while (!page.Contains("Ornithologie pendant la fermeture", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains("Ornithologie pendant la fermeture", page, StringComparison.Ordinal);
    }

    private Task<bool> PublishedAsync(string tenant, string id) =>
        app.InTenantAsync(tenant, async sp => await sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published, CancellationToken.None) is not null);

    /// <summary>Names, sizes and times of the index files: unchanged means nothing was written.</summary>
    private static string Snapshot(string folder) =>
        Directory.Exists(folder)
            ? string.Join("\n", new DirectoryInfo(folder).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name} {f.Length} {f.LastWriteTimeUtc.Ticks}"))
            : "";
}
