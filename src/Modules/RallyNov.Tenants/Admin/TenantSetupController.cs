using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Hosting;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Tenants.Management;
using RallyNov.Tenants.Packages;
using RallyNov.Tenants.Setup;

namespace RallyNov.Tenants.Admin;

/// <summary>New sites (from a recipe or from an export), their installation's progress, and exports.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageTenants)]
public sealed class TenantSetupController(ITenantStore store, ITenantManager manager, ITenantPackages packages, TenantSetupJobs jobs) : Controller
{
    /// <summary>Largest package accepted by the import form.</summary>
    public const long MaxPackageBytes = 1024L * 1024 * 1024;

    [HttpGet("/admin/tenants/new")]
    public IActionResult Create() => View(new TenantCreateForm());

    [HttpPost("/admin/tenants/new")]
    public async Task<IActionResult> Create(TenantCreateForm form, CancellationToken cancellationToken)
    {
        if (form.InvitesAdministrator)
        {
            // Password fields hidden by the invitation choice are not the person's mistake.
            ModelState.Remove(nameof(TenantCreateForm.AdminPasswordConfirmation));
        }

        var request = form.ToRequest() with { LinkOrigin = $"{Request.Scheme}://{Request.Host}" };
        AddErrors(await manager.ValidateCreateAsync(request, cancellationToken));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var actor = User.Identity?.Name;
        jobs.Start(request.Name, request.DisplayName, async (job, ct) =>
        {
            if ((await manager.CreateAsync(request, actor, job, ct)).Invitation is { } invitation)
            {
                job.Invited(invitation);
            }
        });
        return RedirectToSetup(request.Name);
    }

    [HttpGet("/admin/tenants/import")]
    public IActionResult Import() => View(new TenantCreateForm());

    [HttpPost("/admin/tenants/import")]
    [RequestSizeLimit(MaxPackageBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxPackageBytes)]
    public async Task<IActionResult> Import(TenantCreateForm form, CancellationToken cancellationToken)
    {
        // The package is copied to a temporary file that the background import owns and deletes.
        var (package, info) = await SavePackageAsync(form, cancellationToken);
        if (string.IsNullOrWhiteSpace(form.DisplayName) && info is not null)
        {
            form.DisplayName = info.DisplayName;
        }

        var request = form.ToRequest() with { Recipe = TenantRecipes.Empty };
        AddErrors(await manager.ValidateCreateAsync(request, cancellationToken));
        if (!ModelState.IsValid)
        {
            await package.DisposeAsync();
            return View(form);
        }

        var actor = User.Identity?.Name;
        jobs.Start(request.Name, request.DisplayName, async (progress, ct) =>
        {
            await using (package)
            {
                await packages.ImportAsync(request, package, actor, progress, ct);
            }
        });
        return RedirectToSetup(request.Name);
    }

    [HttpGet("/admin/tenants/{name}/setup")]
    public IActionResult Setup(string name)
    {
        var job = jobs.Find(name);
        var tenant = store.Find(name);
        if (job is null && tenant is null)
        {
            return NotFound();
        }

        // The invitation link is handed over once, on the page that says the site is ready; never cached.
        var ready = tenant?.State == TenantState.Running && (job is null || job.Completed);
        var link = ready ? job?.TakeInvitationLink() : null;
        if (link is not null)
        {
            Response.Headers.CacheControl = "no-store";
        }

        return View(new TenantSetupViewModel
        {
            Name = tenant?.Name ?? job!.Name,
            DisplayName = tenant?.DisplayName ?? job!.DisplayName,
            Job = job,
            Tenant = tenant,
            PublicUrl = tenant is null ? null : TenantLinks.PublicUrl(tenant, Request),
            InvitationLink = link is not null && link.StartsWith('/') ? $"{Request.Scheme}://{Request.Host}{link}" : link,
        });
    }

    /// <summary>A new invitation link for the administrator the site was created with (the one shown is lost).</summary>
    [HttpPost("/admin/tenants/{name}/invitation")]
    public async Task<IActionResult> InviteAgain(string name, CancellationToken cancellationToken)
    {
        if (jobs.Find(name) is not { Invitation.UserName: { } userName } job)
        {
            return NotFound();
        }

        try
        {
            job.Invited(await manager.InviteAgainAsync(name, userName, User.Identity?.Name, cancellationToken));
        }
        catch (TenantManagementException ex)
        {
            TempData["Error"] = ex.Message;
            return Redirect(Url.Content("~/admin/tenants"));
        }

        return RedirectToSetup(name);
    }

    /// <summary>The progress page's script polls this (JSON).</summary>
    [HttpGet("/admin/tenants/{name}/setup/status")]
    public IActionResult SetupStatus(string name)
    {
        var job = jobs.Find(name);
        var tenant = store.Find(name);
        if (job is null && tenant is null)
        {
            return NotFound();
        }

        return Json(new
        {
            step = job?.Step ?? TenantSetupProgress.StepCount,
            steps = job?.Steps ?? TenantSetupProgress.StepCount,
            current = job?.Current,
            done = job?.Done ?? [],
            completed = job?.Completed ?? true,
            error = job?.Error,
            ready = tenant?.State == TenantState.Running && (job is null || job.Completed),
            url = tenant is null ? null : TenantLinks.PublicUrl(tenant, Request),
        });
    }

    [HttpGet("/admin/tenants/{name}/export")]
    public async Task<IActionResult> Export(string name, CancellationToken cancellationToken)
    {
        if (store.Find(name) is not { } tenant)
        {
            return NotFound();
        }

        // Written to a temporary file first: the download gets a length and never a half archive.
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await packages.ExportAsync(tenant.Name, temp, User.Identity?.Name, cancellationToken);
        }
        catch (TenantManagementException ex)
        {
            await temp.DisposeAsync();
            TempData["Error"] = ex.Message;
            return Redirect(Url.Content("~/admin/tenants"));
        }

        temp.Position = 0;
        var file = $"site-{tenant.Name.ToLowerInvariant()}-{DateTime.UtcNow:yyyy-MM-dd}.zip";
        return File(temp, "application/zip", file);
    }

    private async Task<(FileStream Package, TenantPackageInfo? Info)> SavePackageAsync(TenantCreateForm form, CancellationToken cancellationToken)
    {
        var temp = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (form.Package is not { Length: > 0 } upload)
        {
            ModelState.AddModelError(nameof(TenantCreateForm.Package), "Choisissez le fichier .zip d'un site exporté.");
            return (temp, null);
        }

        await using (var source = upload.OpenReadStream())
        {
            await source.CopyToAsync(temp, cancellationToken);
        }

        temp.Position = 0;
        TenantPackageInfo? info = null;
        try
        {
            info = packages.Inspect(temp);
        }
        catch (TenantManagementException ex)
        {
            ModelState.AddModelError(nameof(TenantCreateForm.Package), ex.Message);
        }

        temp.Position = 0;
        return (temp, info);
    }

    private void AddErrors(TenantValidation validation)
    {
        foreach (var error in validation.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }

    private RedirectResult RedirectToSetup(string name) =>
        Redirect(Url.Content($"~/admin/tenants/{Uri.EscapeDataString(name)}/setup"));
}
