using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Admin;

/// <summary>The back-office home: what the site holds, and the signed-in editor's own drafts.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class DashboardController(IContentManager contents, IContentDefinitionManager definitions, TenantContext tenant) : Controller
{
    private const int RecentDraftCount = 10;
    private const int WorkflowListSize = 20;

    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = new List<ContentTypeCounts>();
        foreach (var type in definitions.TypesFor(tenant.Settings).Where(t => t.Listable))
        {
            counts.Add(new ContentTypeCounts(
                type.Name,
                type.DisplayName,
                await CountAsync(type.Name, ContentStatus.Latest, cancellationToken),
                await CountAsync(type.Name, ContentStatus.Published, cancellationToken),
                await CountAsync(type.Name, ContentStatus.Draft, cancellationToken),
                await CountAsync(type.Name, ContentStatus.PublishedWithDraft, cancellationToken),
                await CountAsync(type.Name, ContentStatus.Deleted, cancellationToken)));
        }

        var drafts = User.Identity?.Name is { Length: > 0 } owner
            ? (await contents.QueryAsync(
                new ContentQuery { Status = ContentStatus.Draft, Owner = owner, Order = ContentOrder.ModifiedDescending, PageSize = RecentDraftCount },
                cancellationToken)).Items
            : [];

        var awaiting = await contents.QueryAsync(new ContentQuery { Status = ContentStatus.AwaitingReview, PageSize = WorkflowListSize }, cancellationToken);
        var scheduled = await contents.QueryAsync(new ContentQuery { Status = ContentStatus.Scheduled, PageSize = WorkflowListSize }, cancellationToken);

        return View(new DashboardViewModel
        {
            Counts = counts,
            RecentDrafts = drafts,
            AwaitingReview = awaiting.Items.OrderBy(i => i.ReviewRequestedUtc).ToList(),
            Scheduled = scheduled.Items.OrderBy(i => i.ScheduledPublishUtc).ToList(),
        });
    }

    // A one-row page: the query's count is all we read.
    private async Task<int> CountAsync(string type, ContentStatus status, CancellationToken cancellationToken) =>
        (await contents.QueryAsync(new ContentQuery { ContentTypes = [type], Status = status, PageSize = 1 }, cancellationToken)).Total;
}
