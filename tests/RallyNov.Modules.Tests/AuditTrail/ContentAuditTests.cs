using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.AuditTrail.Data;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Settings;
using RallyNov.Core.Tenants;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.AuditTrail;

/// <summary>What the content manager and the settings service write to the tenant's audit trail.</summary>
public sealed class ContentAuditTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private TenantSettings _tenant = null!;

    // A property, not a field: xunit disposes it through IAsyncLifetime.
    private SiteTestHost Host { get; } = AuditTestHost.Create();

    public async Task InitializeAsync() => _tenant = await Host.CreateTenantAsync("Alpha", "alpha");

    public async Task DisposeAsync() => await Host.DisposeAsync();

    [Fact]
    public async Task Create_publish_unpublish_delete_and_restore_are_recorded_in_order()
    {
        var id = await Host.InTenantAsync(_tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = Succeeded(await contents.PublishAsync(NewPage(contents, "Charte de la rencontre"), Ct));
            Succeeded(await contents.UnpublishAsync(item.ContentItemId, Ct));
            Succeeded(await contents.DeleteAsync(item.ContentItemId, Ct));
            Succeeded(await contents.RestoreDeletedAsync(item.ContentItemId, Ct));
            return item.ContentItemId;
        });

        var entries = await EntriesAsync(new AuditQuery { Item = id });
        Assert.Equal(
            [AuditActions.ContentCreated, AuditActions.ContentPublished, AuditActions.ContentUnpublished, AuditActions.ContentDeleted, AuditActions.ContentRestored],
            entries.Select(e => e.Action).Reverse());
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditCategories.Content, e.Category);
            Assert.Equal(id, e.ItemId);
            Assert.Equal("Charte de la rencontre", e.ItemTitle);
            Assert.Equal(IAuditEventFactory.SystemUser, e.UserName);
        });
    }

    [Fact]
    public async Task Review_requests_and_schedules_are_recorded()
    {
        var id = await Host.InTenantAsync(_tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var workflow = sp.GetRequiredService<IContentWorkflow>();
            var draft = Succeeded(await contents.SaveDraftAsync(NewPage(contents, "À relire"), Ct));
            Succeeded(await workflow.SubmitForReviewAsync(draft.ContentItemId, Ct));
            Succeeded(await workflow.SchedulePublishAsync(draft.ContentItemId, new DateTime(2099, 7, 1, 8, 30, 0, DateTimeKind.Utc), null, Ct));
            Succeeded(await workflow.CancelScheduleAsync(draft.ContentItemId, Ct));
            return draft.ContentItemId;
        });

        var entries = await EntriesAsync(new AuditQuery { Item = id });
        Assert.Equal(
            [AuditActions.ContentUnscheduled, AuditActions.ContentScheduled, AuditActions.ContentSubmitted, AuditActions.ContentCreated],
            entries.Select(e => e.Action));
        // Summer time in Paris is UTC+2: the details speak Paris time, like the rest of the back office.
        Assert.Contains("publication prévue le 01/07/2099 à 10:30 (heure de Paris)", entries[1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_draft_save_is_recorded_as_saved_not_created()
    {
        var id = await Host.InTenantAsync(_tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var first = Succeeded(await contents.SaveDraftAsync(NewPage(contents, "Brouillon"), Ct));
            first.Set("Title", "Brouillon relu");
            Succeeded(await contents.SaveDraftAsync(first, Ct));
            return first.ContentItemId;
        });

        var entries = await EntriesAsync(new AuditQuery { Item = id });
        Assert.Equal([AuditActions.ContentSaved, AuditActions.ContentCreated], entries.Select(e => e.Action));
        Assert.Equal("Brouillon relu", entries[0].ItemTitle);
    }

    [Fact]
    public async Task A_broken_audit_table_does_not_break_the_publish()
    {
        await Host.InTenantAsync(_tenant, sp => sp.GetRequiredService<RallyNovDbContext>().Database.ExecuteSqlRawAsync("DROP TABLE AuditEvents", Ct));

        var published = await Host.InTenantAsync(_tenant, async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var result = await contents.PublishAsync(NewPage(contents, "Publiée malgré tout"), Ct);
            return result.Succeeded && (await contents.GetAsync(result.Item!.ContentItemId, VersionOptions.Published, Ct)) is not null;
        });

        Assert.True(published);
    }

    [Fact]
    public async Task Events_recorded_inside_a_transaction_roll_back_with_it()
    {
        await Host.InTenantAsync(_tenant, async sp =>
        {
            var db = sp.GetRequiredService<RallyNovDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(Event("rolled-back"), Ct);
            await transaction.RollbackAsync(Ct);
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(Event("kept"), Ct);
        });

        var entries = await EntriesAsync(new AuditQuery());
        Assert.Equal(["kept"], entries.Select(e => e.ItemId));
    }

    [Fact]
    public async Task Settings_changes_record_the_changed_keys_but_not_the_values()
    {
        await Host.InTenantAsync(_tenant, async sp =>
        {
            var settings = sp.GetRequiredService<ISiteSettingsService>();
            await settings.SaveAsync("site", new JsonObject { ["siteName"] = "Rallynov", ["apiKey"] = "secret-value" }, Ct);
            await settings.SaveAsync("site", new JsonObject { ["siteName"] = "Rallynov", ["apiKey"] = "secret-value" }, Ct);
            await settings.SaveAsync("site", new JsonObject { ["siteName"] = "rally'nov", ["apiKey"] = "secret-value" }, Ct);
        });

        var entries = await EntriesAsync(new AuditQuery { Category = AuditCategories.Settings });
        Assert.Equal(2, entries.Count); // the unchanged save records nothing
        Assert.Equal("Clés modifiées : siteName", entries[0].Details);
        Assert.Equal("Clés modifiées : apiKey, siteName", entries[1].Details);
        Assert.All(entries, e => Assert.DoesNotContain("secret-value", e.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_by_user_action_item_and_time_range()
    {
        var noon = new DateTime(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
        await Host.InTenantAsync(_tenant, async sp =>
        {
            var audit = sp.GetRequiredService<IAuditTrail>();
            await audit.RecordAsync(Event("a") with { UserName = "alice", Action = AuditActions.LoginSucceeded, UtcTime = noon }, Ct);
            await audit.RecordAsync(Event("b") with { UserName = "bruno", Action = AuditActions.LoginSucceeded, UtcTime = noon.AddDays(1) }, Ct);
            await audit.RecordAsync(Event("c") with { UserName = "alice", Action = AuditActions.LoginFailed, UtcTime = noon.AddDays(2), ItemTitle = "Rencontre régionale" }, Ct);
        });

        Assert.Equal(["c", "a"], (await EntriesAsync(new AuditQuery { UserName = "alice" })).Select(e => e.ItemId));
        Assert.Equal(["b", "a"], (await EntriesAsync(new AuditQuery { Action = AuditActions.LoginSucceeded })).Select(e => e.ItemId));
        Assert.Equal(["c"], (await EntriesAsync(new AuditQuery { Item = "régionale" })).Select(e => e.ItemId));
        Assert.Equal(["b"], (await EntriesAsync(new AuditQuery { FromUtc = noon.AddHours(1), ToUtc = noon.AddDays(2) })).Select(e => e.ItemId));
    }

    [Fact]
    public async Task Events_older_than_the_retention_are_purged_on_write()
    {
        await using var host = AuditTestHost.Create(retentionDays: 30);
        var tenant = await host.CreateTenantAsync("Beta", "beta");
        await host.InTenantAsync(tenant, async sp =>
        {
            // Written straight to the table: the recorder would purge at its first write.
            var db = sp.GetRequiredService<AuditTrailDbContext>();
            db.AuditEvents.Add(AuditEntryMapper.ToEntry(Event("old") with { UtcTime = DateTime.UtcNow.AddDays(-31) }));
            db.AuditEvents.Add(AuditEntryMapper.ToEntry(Event("recent") with { UtcTime = DateTime.UtcNow.AddDays(-29) }));
            await db.SaveChangesAsync(Ct);
        });

        await host.InTenantAsync(tenant, sp => sp.GetRequiredService<IAuditTrail>().RecordAsync(Event("new") with { UtcTime = DateTime.UtcNow }, Ct));

        var ids = await host.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), Ct)).Items.Select(e => e.ItemId).ToList());
        Assert.Equal(["new", "recent"], ids);
    }

    private static AuditEvent Event(string itemId) => new()
    {
        Category = AuditCategories.Security,
        Action = AuditActions.LoginSucceeded,
        ItemId = itemId,
        UtcTime = DateTime.UtcNow,
    };

    private static ContentItem NewPage(IContentManager contents, string title)
    {
        var item = contents.New("Page");
        item.Set("Title", title);
        return item;
    }

    private static ContentItem Succeeded(ContentResult result)
    {
        Assert.True(result.Succeeded, $"{result.Status}: {string.Join(" | ", result.Errors.Select(e => e.Field + " " + e.Message))}");
        return result.Item!;
    }

    private Task<List<AuditEntry>> EntriesAsync(AuditQuery query) =>
        Host.InTenantAsync(_tenant, async sp => (await sp.GetRequiredService<IAuditLog>().QueryAsync(query, Ct)).Items.ToList());
}
