using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Modules;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Statistics;

namespace RallyNov.Tenants.Admin;

/// <summary>The portal's « Sites » screens: list, edit (addresses and modules), disable, enable, remove.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageTenants)]
public sealed class TenantsController(ITenantStore store, ITenantManager manager, ITenantStatistics statistics, ModuleCatalog catalog) : Controller
{
    [HttpGet("/admin/tenants")]
    public async Task<IActionResult> Index(string? etat, string? q, int page, CancellationToken cancellationToken)
    {
        var state = TenantListViewModel.States.Any(s => s.Key == etat) ? etat! : "";
        var query = q?.Trim();
        var all = store.All;
        var matching = all
            .Where(t => TenantListViewModel.Matches(t, state))
            .Where(t => string.IsNullOrEmpty(query)
                || t.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                || t.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)
                || TenantDescriptions.Address(t).Contains(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(t => !t.IsDefault)
            .ThenBy(t => t.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
        var pageCount = Math.Max(1, (matching.Count + TenantListViewModel.PageSize - 1) / TenantListViewModel.PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var visible = matching.Skip((page - 1) * TenantListViewModel.PageSize).Take(TenantListViewModel.PageSize).ToList();
        var activity = await statistics.ForAsync(visible, cancellationToken);

        return View(new TenantListViewModel
        {
            Rows = visible.Select(t => new TenantRow(t, activity.GetValueOrDefault(t.Name), TenantLinks.PublicUrl(t, Request))).ToList(),
            State = state,
            Query = query,
            Page = page,
            PageCount = pageCount,
            Matching = matching.Count,
            CountByState = TenantListViewModel.States.ToDictionary(s => s.Key, s => all.Count(t => TenantListViewModel.Matches(t, s.Key))),
        });
    }

    [HttpGet("/admin/tenants/{name}/edit")]
    public IActionResult Edit(string name)
    {
        if (store.Find(name) is not { } tenant)
        {
            return NotFound();
        }

        return View(BuildEdit(tenant, new TenantEditForm
        {
            DisplayName = tenant.DisplayName,
            UrlPrefix = tenant.UrlPrefix,
            Hosts = string.Join(Environment.NewLine, tenant.Hosts),
            Modules = [.. catalog.EnabledFor(tenant)],
        }));
    }

    [HttpPost("/admin/tenants/{name}/edit")]
    public async Task<IActionResult> Edit(string name, TenantEditForm form, CancellationToken cancellationToken)
    {
        if (store.Find(name) is not { } tenant)
        {
            return NotFound();
        }

        var result = await manager.UpdateAsync(
            tenant.Name,
            new TenantUpdateRequest
            {
                DisplayName = form.DisplayName ?? "",
                UrlPrefix = form.UrlPrefix ?? "",
                Hosts = TenantCreateRequest.ParseHosts(form.Hosts),
                Modules = form.Modules,
            },
            User.Identity?.Name,
            cancellationToken);
        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(FormField(error.Field), error.Message);
            }

            return View(BuildEdit(tenant, form));
        }

        TempData["Message"] = string.Join(" ", ["Les réglages du site ont été enregistrés ; ils s'appliquent dès maintenant.", .. result.Notes]);
        return Redirect(Url.Content($"~/admin/tenants/{Uri.EscapeDataString(tenant.Name)}/edit"));
    }

    [HttpPost("/admin/tenants/{name}/disable")]
    public Task<IActionResult> Disable(string name, CancellationToken cancellationToken) =>
        ChangeStateAsync(name, enable: false, cancellationToken);

    [HttpPost("/admin/tenants/{name}/enable")]
    public Task<IActionResult> Enable(string name, CancellationToken cancellationToken) =>
        ChangeStateAsync(name, enable: true, cancellationToken);

    [HttpGet("/admin/tenants/{name}/remove")]
    public async Task<IActionResult> Remove(string name, CancellationToken cancellationToken)
    {
        if (store.Find(name) is not { } tenant)
        {
            return NotFound();
        }

        return View(await BuildRemoveAsync(tenant, cancellationToken));
    }

    [HttpPost("/admin/tenants/{name}/remove")]
    public async Task<IActionResult> Remove(string name, string? confirmation, CancellationToken cancellationToken)
    {
        if (store.Find(name) is not { } tenant)
        {
            return NotFound();
        }

        try
        {
            await manager.RemoveAsync(tenant.Name, confirmation ?? "", User.Identity?.Name, cancellationToken);
        }
        catch (TenantManagementException ex)
        {
            ModelState.AddModelError(nameof(TenantRemoveViewModel.Confirmation), ex.Errors.Count > 0 ? ex.Errors[0].Message : ex.Message);
            var model = await BuildRemoveAsync(tenant, cancellationToken);
            model.Confirmation = confirmation;
            return View(model);
        }

        TempData["Message"] = $"Le site « {tenant.DisplayName} » ({tenant.Name}) et toutes ses données ont été supprimés.";
        return Redirect(Url.Content("~/admin/tenants"));
    }

    private async Task<IActionResult> ChangeStateAsync(string name, bool enable, CancellationToken cancellationToken)
    {
        if (store.Find(name) is not { } tenant)
        {
            return NotFound();
        }

        try
        {
            if (enable)
            {
                await manager.EnableAsync(tenant.Name, User.Identity?.Name, cancellationToken);
                TempData["Message"] = $"Le site « {tenant.DisplayName} » est de nouveau en service.";
            }
            else
            {
                await manager.DisableAsync(tenant.Name, User.Identity?.Name, cancellationToken);
                TempData["Message"] = $"Le site « {tenant.DisplayName} » est désactivé : ses pages répondent « site momentanément fermé » et ses tâches de fond sont arrêtées. Ses données sont intactes.";
            }
        }
        catch (TenantManagementException ex)
        {
            TempData["Error"] = ex.Message;
        }

        return Redirect(LocalReturnUrl() ?? Url.Content("~/admin/tenants"));
    }

    private string? LocalReturnUrl()
    {
        var returnUrl = Request.Form["returnUrl"].ToString();
        return returnUrl.Length > 0 && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
    }

    private TenantEditViewModel BuildEdit(TenantSettings tenant, TenantEditForm form) => new()
    {
        Tenant = tenant,
        Form = form,
        Modules = ModuleSelection.Choices(catalog, tenant),
        PublicUrl = TenantLinks.PublicUrl(tenant, Request),
    };

    private async Task<TenantRemoveViewModel> BuildRemoveAsync(TenantSettings tenant, CancellationToken cancellationToken) => new()
    {
        Tenant = tenant,
        Deletes = manager.WhatRemovalDeletes(tenant),
        Activity = (await statistics.ForAsync([tenant], cancellationToken)).GetValueOrDefault(tenant.Name),
    };

    /// <summary>The edit form's inputs are named "Form.X".</summary>
    private static string FormField(string field) => "Form." + field;
}
