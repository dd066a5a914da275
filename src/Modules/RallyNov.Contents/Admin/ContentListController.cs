using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;

namespace RallyNov.Contents.Admin;

/// <summary>The content list of the back office, per type or across types, with filters and paging.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class ContentListController(IContentManager contents, IContentDefinitionManager definitions, TenantContext tenant) : Controller
{
    private const int PageSize = 25;

    [HttpGet("/admin/contents")]
    public async Task<IActionResult> Index([FromQuery] ContentListFilter filter, CancellationToken cancellationToken)
    {
        var types = definitions.TypesFor(tenant.Settings).Where(t => t.Listable).ToList();

        // Unknown values fall back to "everything" rather than failing: these come from editable URLs.
        var typeNames = types.Select(t => t.Name).ToList();
        if (types.FirstOrDefault(t => string.Equals(t.Name, filter.Type, StringComparison.OrdinalIgnoreCase)) is { } type)
        {
            filter.Type = type.Name;
            typeNames = [type.Name];
        }
        else
        {
            filter.Type = null;
        }

        var status = Enum.TryParse<ContentStatus>(filter.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : ContentStatus.Latest;
        var order = string.Equals(filter.Sort, "title", StringComparison.OrdinalIgnoreCase) ? ContentOrder.TitleAscending : ContentOrder.ModifiedDescending;
        filter.Page = Math.Max(1, filter.Page);

        var result = typeNames.Count == 0
            ? new PagedResult<ContentItem>([], 0, 1, PageSize)
            : await contents.QueryAsync(
                new ContentQuery
                {
                    ContentTypes = typeNames,
                    Status = status,
                    Owner = string.IsNullOrWhiteSpace(filter.Owner) ? null : filter.Owner.Trim(),
                    Title = filter.Q,
                    Order = order,
                    Page = filter.Page,
                    PageSize = PageSize,
                },
                cancellationToken);

        return View(new ContentListViewModel { Filter = filter, Status = status, Result = result, Types = types });
    }
}
