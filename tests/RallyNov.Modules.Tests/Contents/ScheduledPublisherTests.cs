using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Contents.Admin;
using RallyNov.Contents.Scheduling;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Tenants;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Contents;

public sealed class ScheduledPublisherTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private SiteTestHost Host { get; } = new();

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    [Fact]
    public async Task Each_running_tenant_publishes_its_own_due_items()
    {
        var alpha = await Host.CreateTenantAsync("Alpha", "alpha");
        var beta = await Host.CreateTenantAsync("Beta", "beta");
        var alphaDue = await ScheduledPageAsync(alpha, "Alpha échu", due: true);
        var alphaLater = await ScheduledPageAsync(alpha, "Alpha plus tard", due: false);
        var betaDue = await ScheduledPageAsync(beta, "Beta échu", due: true);

        var run = await Publisher.RunOnceAsync(Ct);

        Assert.Equal(1, run.Published["Alpha"]);
        Assert.Equal(1, run.Published["Beta"]);
        Assert.Empty(run.FailedTenants);
        Assert.True(await IsPublishedAsync(alpha, alphaDue));
        Assert.False(await IsPublishedAsync(alpha, alphaLater));
        Assert.True(await IsPublishedAsync(beta, betaDue));
    }

    [Fact]
    public async Task A_failing_tenant_is_reported_and_does_not_stop_the_others()
    {
        var alpha = await Host.CreateTenantAsync("Alpha", "alpha");
        var alphaDue = await ScheduledPageAsync(alpha, "Alpha échu", due: true);

        // Running, but its database was never migrated: every query fails.
        await Host.Services.GetRequiredService<ITenantStore>().SaveAsync(
            new TenantSettings { Name = "Broken", DisplayName = "Cassé", UrlPrefix = "casse", State = TenantState.Running }, Ct);
        var gamma = await Host.CreateTenantAsync("Gamma", "gamma");
        var gammaDue = await ScheduledPageAsync(gamma, "Gamma échu", due: true);

        var run = await Publisher.RunOnceAsync(Ct);

        Assert.Equal(["Broken"], run.FailedTenants);
        Assert.True(await IsPublishedAsync(alpha, alphaDue));
        Assert.True(await IsPublishedAsync(gamma, gammaDue));
    }

    [Fact]
    public async Task Disabled_tenants_are_left_alone()
    {
        var alpha = await Host.CreateTenantAsync("Alpha", "alpha");
        var due = await ScheduledPageAsync(alpha, "Fermé", due: true);
        var store = Host.Services.GetRequiredService<ITenantStore>();
        var disabled = store.Find("Alpha")!;
        disabled.State = TenantState.Disabled;
        await store.SaveAsync(disabled, Ct);

        var run = await Publisher.RunOnceAsync(Ct);

        Assert.False(run.Published.ContainsKey("Alpha"));
        Assert.False(await IsPublishedAsync(alpha, due));
    }

    [Theory]
    [InlineData("2026-11-24T09:30", "2026-11-24T08:30:00Z")]   // winter: UTC+1
    [InlineData("2026-07-14T22:00", "2026-07-14T20:00:00Z")]   // summer: UTC+2
    [InlineData("2026-07-14T22:00:00", "2026-07-14T20:00:00Z")]
    public void Typed_dates_are_read_as_Paris_time(string typed, string expected)
    {
        Assert.True(ContentWorkflowController.TryParseParis(typed, out var utc, out _));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("demain")]
    [InlineData("2026-03-29T02:30")] // does not exist in Paris: the clocks jump from 2:00 to 3:00
    public void Impossible_dates_are_refused_in_French(string typed)
    {
        Assert.False(ContentWorkflowController.TryParseParis(typed, out _, out var error));
        Assert.NotEmpty(error);
    }

    private IScheduledPublisher Publisher => Host.Services.GetRequiredService<IScheduledPublisher>();

    private async Task<string> ScheduledPageAsync(TenantSettings tenant, string title, bool due)
    {
        var id = await Host.InTenantAsync(tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var page = contents.New("Page");
            page.Set("Title", title);
            var saved = await contents.SaveDraftAsync(page, Ct);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            var scheduled = await sp.GetRequiredService<IContentWorkflow>().SchedulePublishAsync(saved.Item!.ContentItemId, DateTime.UtcNow.AddHours(1), null, Ct);
            Assert.True(scheduled.Succeeded);
            return saved.Item.ContentItemId;
        });

        if (due)
        {
            // Scheduling refuses past dates: the passing of time is written straight to the row.
            await Host.InTenantAsync(tenant, sp => sp.GetRequiredService<RallyNovDbContext>().ContentItems
                .Where(x => x.ContentItemId == id && x.Latest)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScheduledPublishUtc, DateTime.UtcNow.AddSeconds(-5)), Ct));
        }

        return id;
    }

    private Task<bool> IsPublishedAsync(TenantSettings tenant, string id) =>
        Host.InTenantAsync(tenant, async sp => await sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Published, Ct) is not null);
}
