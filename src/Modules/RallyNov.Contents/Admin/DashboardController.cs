using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Admin;

/// <summary>
/// The back-office home: quick actions, the signed-in editor's own drafts, what waits for review or
/// is scheduled, what others changed lately, and what the site holds.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class DashboardController(
    IContentManager contents,
    IContentDefinitionManager definitions,
    TenantContext tenant,
    ModuleCatalog catalog,
    IAuthorizationService authorization,
    IEnumerable<IDashboardNotice> notices) : Controller
{
    private const int RecentDraftCount = 10;
    private const int WorkflowListSize = 20;
    private const int RecentChangesCount = 10;

    // Enough of the latest changes to find ten by others even when the user saved a lot lately.
    private const int RecentChangesScanned = 60;

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

        var me = User.Identity?.Name;
        var latest = await contents.QueryAsync(new ContentQuery { Status = ContentStatus.Latest, Order = ContentOrder.ModifiedDescending, PageSize = RecentChangesScanned }, cancellationToken);
        var byOthers = latest.Items
            .Where(i => !string.IsNullOrEmpty(i.Author) && !string.Equals(i.Author, me, StringComparison.OrdinalIgnoreCase))
            .Take(RecentChangesCount)
            .ToList();

        var actions = new List<AdminMenuItem>();
        foreach (var action in catalog.QuickActionsFor(tenant.Settings))
        {
            if (action.Permission is null || (await authorization.AuthorizeAsync(User, null, new PermissionRequirement(action.Permission))).Succeeded)
            {
                actions.Add(action);
            }
        }

        var lines = new List<DashboardNoticeItem>();
        foreach (var notice in notices)
        {
            var enabled = catalog.FindByAssembly(notice.GetType().Assembly) is not { } module || catalog.IsEnabled(tenant.Settings, module.Id);
            if (enabled && (await authorization.AuthorizeAsync(User, null, new PermissionRequirement(notice.Permission))).Succeeded
                && await notice.GetAsync(cancellationToken) is { } line)
            {
                lines.Add(line);
            }
        }

        return View(new DashboardViewModel
        {
            QuickActions = actions,
            Notices = lines,
            RecentChangesByOthers = byOthers,
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
