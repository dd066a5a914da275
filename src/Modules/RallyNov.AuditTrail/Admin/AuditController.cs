using Microsoft.AspNetCore.Mvc;
using RallyNov.AuditTrail.Services;
using RallyNov.Core.Security;

namespace RallyNov.AuditTrail.Admin;

/// <summary>The tenant's audit trail, newest first, with filters; read-only.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewAuditTrail)]
public sealed class AuditController(IAuditLog log) : Controller
{
    internal const int PageSize = 50;

    [HttpGet("/admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        filter.Page = Math.Max(1, filter.Page);

        // Values come from editable URLs: an unknown category or a malformed date means "any", not an error.
        if (AuditLabels.Categories.All(c => c.Code != filter.Category))
        {
            filter.Category = null;
        }

        var result = await log.QueryAsync(
            new AuditQuery
            {
                UserName = filter.User,
                Action = string.IsNullOrWhiteSpace(filter.Action) ? null : filter.Action.Trim(),
                Category = filter.Category,
                FromUtc = ParisDates.StartOfDayUtc(filter.From),

                // "au 23/11" includes the whole of that day in Paris.
                ToUtc = ParisDates.StartOfDayUtc(filter.To, addDays: 1),
                Item = filter.Item,
                Page = filter.Page,
                PageSize = PageSize,
            },
            cancellationToken);

        var actions = AuditLabels.KnownActions.Union(await log.ActionsAsync(cancellationToken), StringComparer.Ordinal).ToList();
        return View(new AuditListViewModel { Filter = filter, Result = result, Actions = actions });
    }
}
