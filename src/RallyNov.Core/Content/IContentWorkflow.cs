namespace RallyNov.Core.Content;

/// <summary>
/// Review requests and scheduled publication of the current tenant's items. Both are flags on
/// the latest version (<see cref="ContentItem.ReviewRequestedUtc"/>,
/// <see cref="ContentItem.ScheduledPublishUtc"/>), never a new version: they say something about
/// the content, they do not change it.
/// </summary>
/// <remarks>
/// Rules, enforced in <see cref="IContentManager"/> as well as here:
/// <list type="bullet">
/// <item>Only an unpublished latest version (a draft) can be submitted or scheduled.</item>
/// <item>Publishing (by hand or by the scheduler) clears both flags; so does moving to the bin.</item>
/// <item>A new draft saved by the item's owner keeps the review request (they are still polishing
/// what they submitted); a draft saved by anybody else clears it (the reviewer has taken over).</item>
/// <item>Any new save clears the schedule: whoever scheduled approved that exact version, and a
/// later, unreviewed change must never go live on its own. Schedule again after editing.</item>
/// </list>
/// Permissions are the caller's job (the back office asks IContentAuthorization: Edit to submit,
/// Publish to schedule); the scheduler publishes what a publisher approved.
/// </remarks>
public interface IContentWorkflow
{
    /// <summary>Marks the latest draft as waiting for review (keeps the first date when asked twice).</summary>
    Task<ContentResult> SubmitForReviewAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>
    /// Schedules the latest draft for publication at <paramref name="publishUtc"/> (must be in the
    /// future). With <paramref name="expectedVersionId"/>, fails with a conflict when somebody saved
    /// a newer version since the user looked at it.
    /// </summary>
    Task<ContentResult> SchedulePublishAsync(string contentItemId, DateTime publishUtc, string? expectedVersionId, CancellationToken cancellationToken);

    Task<ContentResult> CancelScheduleAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>Publishes every latest draft whose schedule is due; returns the published items.</summary>
    Task<IReadOnlyList<ContentItem>> PublishDueAsync(CancellationToken cancellationToken);
}
