using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;

namespace RallyNov.AdminTheme.Components;

/// <summary>
/// The tenant's admin menu (entries of its enabled modules), keeping only the entries whose
/// permission the user holds. Hiding is a convenience: every action checks again on the server.
/// </summary>
public sealed class AdminMenuViewComponent(ModuleCatalog catalog, TenantContext tenant, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var visible = new List<AdminMenuItem>();
        foreach (var item in catalog.AdminMenuFor(tenant.Settings))
        {
            if (item.Permission is null
                || (await authorization.AuthorizeAsync(UserClaimsPrincipal, null, new PermissionRequirement(item.Permission))).Succeeded)
            {
                visible.Add(item);
            }
        }

        var path = (Request.Path.Value ?? "").TrimEnd('/');
        return View(new AdminMenuModel(visible, CurrentEntry(visible, path.Length == 0 ? "/" : path, Request.QueryString.Value ?? "")));
    }

    /// <summary>
    /// The entry of the current page: same path and query first ("/admin/contents?type=Page"),
    /// then the longest entry path containing the current one ("/admin/users" for "/admin/users/new").
    /// </summary>
    internal static AdminMenuItem? CurrentEntry(IReadOnlyList<AdminMenuItem> items, string path, string query)
    {
        AdminMenuItem? best = null;
        var bestLength = -1;
        foreach (var item in items)
        {
            var parts = item.Url.Split('?', 2);
            var itemPath = parts[0].TrimEnd('/');
            if (parts.Length == 2)
            {
                if (string.Equals(itemPath, path, StringComparison.OrdinalIgnoreCase) && query.TrimStart('?').Contains(parts[1], StringComparison.OrdinalIgnoreCase))
                {
                    return item;
                }

                continue;
            }

            var matches = string.Equals(itemPath, path, StringComparison.OrdinalIgnoreCase)
                || (itemPath.Length > "/admin".Length && path.StartsWith(itemPath + "/", StringComparison.OrdinalIgnoreCase));
            if (matches && itemPath.Length > bestLength)
            {
                best = item;
                bestLength = itemPath.Length;
            }
        }

        return best;
    }
}

public sealed record AdminMenuModel(IReadOnlyList<AdminMenuItem> Items, AdminMenuItem? Current);
