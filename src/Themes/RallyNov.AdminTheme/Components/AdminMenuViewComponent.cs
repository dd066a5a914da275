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

        return View(visible);
    }
}
