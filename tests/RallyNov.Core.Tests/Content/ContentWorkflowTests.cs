using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Tests.Support;

namespace RallyNov.Core.Tests.Content;

/// <summary>Review requests and scheduled publication (the rules documented on IContentWorkflow).</summary>
public sealed class ContentWorkflowTests : TenantTestBase
{
    private IContentWorkflow Workflow => Services.GetRequiredService<IContentWorkflow>();

    [Fact]
    public async Task A_submitted_draft_awaits_review_until_it_is_published()
    {
        var draft = await OwnedDraftAsync("Proposition de Claire", "claire");

        var submitted = Succeeded(await Workflow.SubmitForReviewAsync(draft.ContentItemId, Ct));

        Assert.NotNull(submitted.ReviewRequestedUtc);
        Assert.Equal(draft.VersionNumber, submitted.VersionNumber);
        var awaiting = await Contents.QueryAsync(new ContentQuery { Status = ContentStatus.AwaitingReview }, Ct);
        Assert.Equal(draft.ContentItemId, Assert.Single(awaiting.Items).ContentItemId);

        var published = Succeeded(await Contents.PublishLatestAsync(draft.ContentItemId, Ct));

        Assert.Null(published.ReviewRequestedUtc);
        Assert.Equal(0, await CountAsync(ContentStatus.AwaitingReview));
        Assert.Null((await LatestAsync(draft.ContentItemId)).ReviewRequestedUtc);
    }

    [Fact]
    public async Task The_owner_saving_again_keeps_the_request_somebody_else_saving_clears_it()
    {
        var draft = await OwnedDraftAsync("Atelier vélo", "claire");
        Succeeded(await Workflow.SubmitForReviewAsync(draft.ContentItemId, Ct));

        var byOwner = await LatestAsync(draft.ContentItemId);
        byOwner.Set("Summary", "Une précision de Claire");
        byOwner.Author = "claire";
        byOwner = Succeeded(await Contents.SaveDraftAsync(byOwner, Ct));
        Assert.NotNull(byOwner.ReviewRequestedUtc);
        Assert.Equal(1, await CountAsync(ContentStatus.AwaitingReview));

        var byEditor = await LatestAsync(draft.ContentItemId);
        byEditor.Set("Summary", "Relu et corrigé par Paul");
        byEditor.Author = "paul";
        byEditor = Succeeded(await Contents.SaveDraftAsync(byEditor, Ct));
        Assert.Null(byEditor.ReviewRequestedUtc);
        Assert.Equal(0, await CountAsync(ContentStatus.AwaitingReview));
    }

    [Fact]
    public async Task A_published_latest_version_cannot_be_submitted_nor_scheduled()
    {
        var live = await PublishAsync("Déjà en ligne");

        var submit = await Workflow.SubmitForReviewAsync(live.ContentItemId, Ct);
        var schedule = await Workflow.SchedulePublishAsync(live.ContentItemId, DateTime.UtcNow.AddHours(1), null, Ct);

        Assert.Equal(ContentResultStatus.Invalid, submit.Status);
        Assert.Equal(ContentResultStatus.Invalid, schedule.Status);
        Assert.Equal(ContentResultStatus.NotFound, (await Workflow.SubmitForReviewAsync("inconnu", Ct)).Status);
    }

    [Fact]
    public async Task A_schedule_must_be_in_the_future_and_on_the_version_the_user_saw()
    {
        var draft = await SaveDraftAsync("Forum de l'ESS");

        var past = await Workflow.SchedulePublishAsync(draft.ContentItemId, DateTime.UtcNow.AddMinutes(-1), null, Ct);
        Assert.Equal(ContentResultStatus.Invalid, past.Status);
        Assert.Contains("futur", past.Errors[0].Message, StringComparison.Ordinal);

        var stale = await Workflow.SchedulePublishAsync(draft.ContentItemId, DateTime.UtcNow.AddHours(1), "un-autre-identifiant", Ct);
        Assert.Equal(ContentResultStatus.Conflict, stale.Status);
        Assert.Null((await LatestAsync(draft.ContentItemId)).ScheduledPublishUtc);

        var at = new DateTime(2099, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        Succeeded(await Workflow.SchedulePublishAsync(draft.ContentItemId, at, draft.ContentItemVersionId, Ct));
        Assert.Equal(at, (await LatestAsync(draft.ContentItemId)).ScheduledPublishUtc);
        Assert.Equal(1, await CountAsync(ContentStatus.Scheduled));

        Succeeded(await Workflow.CancelScheduleAsync(draft.ContentItemId, Ct));
        Assert.Null((await LatestAsync(draft.ContentItemId)).ScheduledPublishUtc);
        Assert.Equal(0, await CountAsync(ContentStatus.Scheduled));
    }

    [Fact]
    public async Task Saving_a_new_draft_clears_the_schedule()
    {
        var draft = await SaveDraftAsync("Journée portes ouvertes");
        Succeeded(await Workflow.SchedulePublishAsync(draft.ContentItemId, DateTime.UtcNow.AddDays(1), null, Ct));

        var edit = await LatestAsync(draft.ContentItemId);
        edit.Set("Summary", "Changement non relu");
        var saved = Succeeded(await Contents.SaveDraftAsync(edit, Ct));

        Assert.Null(saved.ScheduledPublishUtc);
        Assert.Equal(0, await CountAsync(ContentStatus.Scheduled));
    }

    [Fact]
    public async Task Saving_a_non_versionable_draft_in_place_clears_the_schedule_too()
    {
        var note = await SaveDraftAsync("Note interne", type: "Note");
        Succeeded(await Workflow.SchedulePublishAsync(note.ContentItemId, DateTime.UtcNow.AddDays(1), null, Ct));

        var edit = await LatestAsync(note.ContentItemId);
        edit.Set("Summary", "Réécrite");
        var saved = Succeeded(await Contents.SaveDraftAsync(edit, Ct));

        Assert.Equal(note.VersionNumber, saved.VersionNumber);
        Assert.Null(saved.ScheduledPublishUtc);
    }

    [Fact]
    public async Task The_scheduler_publishes_due_drafts_only_and_clears_their_schedule()
    {
        var due = await SaveDraftAsync("Échu");
        var later = await SaveDraftAsync("Plus tard");
        var plain = await SaveDraftAsync("Sans programmation");
        var binned = await SaveDraftAsync("Mis à la corbeille");
        foreach (var item in new[] { due, later, binned })
        {
            Succeeded(await Workflow.SchedulePublishAsync(item.ContentItemId, DateTime.UtcNow.AddHours(2), null, Ct));
        }

        await BackdateScheduleAsync(due.ContentItemId);
        await BackdateScheduleAsync(binned.ContentItemId);
        Succeeded(await Contents.DeleteAsync(binned.ContentItemId, Ct));

        var published = await Workflow.PublishDueAsync(Ct);

        Assert.Equal(due.ContentItemId, Assert.Single(published).ContentItemId);
        var live = await Contents.GetAsync(due.ContentItemId, VersionOptions.Published, Ct);
        Assert.NotNull(live);
        Assert.Null(live.ScheduledPublishUtc);
        Assert.Null(await Contents.GetAsync(later.ContentItemId, VersionOptions.Published, Ct));
        Assert.NotNull((await LatestAsync(later.ContentItemId)).ScheduledPublishUtc);
        Assert.Null(await Contents.GetAsync(plain.ContentItemId, VersionOptions.Published, Ct));
        Assert.Null(await Contents.GetAsync(binned.ContentItemId, VersionOptions.Published, Ct));

        // A second pass has nothing left to do.
        Assert.Empty(await Workflow.PublishDueAsync(Ct));
    }

    [Fact]
    public async Task Publishing_from_the_editor_or_moving_to_the_bin_clears_both_flags()
    {
        var reviewed = await OwnedDraftAsync("Relu dans l'éditeur", "claire");
        Succeeded(await Workflow.SubmitForReviewAsync(reviewed.ContentItemId, Ct));
        var edit = await LatestAsync(reviewed.ContentItemId);
        edit.Author = "paul";
        var published = Succeeded(await Contents.PublishAsync(edit, Ct));
        Assert.Null(published.ReviewRequestedUtc);

        var binned = await OwnedDraftAsync("À jeter", "claire");
        Succeeded(await Workflow.SubmitForReviewAsync(binned.ContentItemId, Ct));
        Succeeded(await Workflow.SchedulePublishAsync(binned.ContentItemId, DateTime.UtcNow.AddDays(1), null, Ct));
        Succeeded(await Contents.DeleteAsync(binned.ContentItemId, Ct));
        var restored = Succeeded(await Contents.RestoreDeletedAsync(binned.ContentItemId, Ct));

        Assert.Null(restored.ReviewRequestedUtc);
        Assert.Null(restored.ScheduledPublishUtc);
        Assert.Equal(0, await CountAsync(ContentStatus.AwaitingReview));
        Assert.Equal(0, await CountAsync(ContentStatus.Scheduled));
    }

    [Fact]
    public async Task Submitting_twice_keeps_the_first_request_date()
    {
        var draft = await OwnedDraftAsync("Demande répétée", "claire");
        var first = Succeeded(await Workflow.SubmitForReviewAsync(draft.ContentItemId, Ct));
        var second = Succeeded(await Workflow.SubmitForReviewAsync(draft.ContentItemId, Ct));

        Assert.Equal(first.ReviewRequestedUtc, second.ReviewRequestedUtc);
        Assert.Single(await Contents.GetVersionsAsync(draft.ContentItemId, Ct));
    }

    private async Task<ContentItem> OwnedDraftAsync(string title, string owner) =>
        await SaveDraftAsync(title, i =>
        {
            i.Owner = owner;
            i.Author = owner;
        });

    // The schedule API refuses past dates, so "the time has come" is written straight to the row.
    private Task BackdateScheduleAsync(string contentItemId) =>
        Host.InTenantAsync(Tenant, sp => sp.GetRequiredService<RallyNovDbContext>().ContentItems
            .Where(x => x.ContentItemId == contentItemId && x.Latest)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ScheduledPublishUtc, DateTime.UtcNow.AddMinutes(-1)), Ct));
}
