using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RallyNov.Core.Security;
using RallyNov.Media;

namespace RallyNov.Settings.Admin;

/// <summary>« Réglages du site › Identité »: name, tagline, logo, colours, contact, footer, social links.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageSettings)]
public sealed class SiteIdentityController(SiteIdentityEditor editor, ISiteLogoStore logos, IOptions<MediaOptions> media) : Controller
{

    [HttpGet("/admin/settings")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(Dress(await editor.LoadAsync(cancellationToken)));

    [HttpPost("/admin/settings")]
    public async Task<IActionResult> Index(IdentityForm form, IFormFile? logo, CancellationToken cancellationToken)
    {
        var stored = await editor.LoadAsync(cancellationToken);
        form.CurrentLogo = stored.CurrentLogo;
        foreach (var (field, message) in SiteIdentityEditor.Validate(form))
        {
            ModelState.AddModelError(field, message);
        }

        var logoPath = form.RemoveLogo ? null : stored.CurrentLogo;
        if (!ModelState.IsValid)
        {
            if (logo is { Length: > 0 })
            {
                ModelState.AddModelError("Logo", "Le logo n'a pas été enregistré à cause des erreurs ci-dessus : choisissez à nouveau le fichier après les avoir corrigées.");
            }

            return Redisplay(form);
        }

        string? notice = null;
        if (logo is { Length: > 0 } && logos.IsAvailable)
        {
            var upload = await logos.StoreAsync(logo, form.SiteName!.Trim(), User.Identity?.Name, cancellationToken);
            if (!upload.Succeeded)
            {
                ModelState.AddModelError("Logo", upload.Error!);
                return Redisplay(form);
            }

            logoPath = upload.Path;
            notice = upload.Notice;
        }

        var changes = await editor.SaveAsync(form, logoPath, cancellationToken);
        TempData["Message"] = changes is null
            ? "Aucun changement : les réglages étaient déjà ceux-là."
            : "Identité du site enregistrée : le site public l'affiche dès maintenant." + (notice is null ? "" : " " + notice);
        return Redirect(Url.Content("~/admin/settings"));
    }

    private ViewResult Redisplay(IdentityForm form)
    {
        return View(nameof(Index), Dress(SiteIdentityEditor.WithEmptyRows(form)));
    }

    private IdentityForm Dress(IdentityForm form)
    {
        form.LogoAvailable = logos.IsAvailable;
        form.MaxLogoSize = FormatSize(media.Value.MaxUploadBytes);
        return form;
    }

    private static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " Mo"
        : Math.Ceiling(bytes / 1024d).ToString("0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " Ko";
}
