using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Security;

namespace RallyNov.Settings.Admin;

/// <summary>
/// « Réglages du site › Page d'accueil »: the welcome text and which sections show, in which order.
/// « Monter » and « Descendre » are submit buttons of the same form: a move saves the form as it is
/// (text and ticks included), so nothing typed is lost and the public page follows at once.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageSettings)]
public sealed class HomeSettingsController(HomeSettingsEditor editor) : Controller
{
    [HttpGet("/admin/settings/home")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editor.LoadAsync(cancellationToken));

    [HttpPost("/admin/settings/home")]
    public async Task<IActionResult> Index(HomeForm form, string? move, CancellationToken cancellationToken)
    {
        var moved = HomeSettingsEditor.Move(form, move);
        if (HomeSettingsEditor.Validate(form) is { } error)
        {
            ModelState.AddModelError(nameof(HomeForm.Intro), error);
            return View(await editor.FromFormAsync(form, cancellationToken));
        }

        var changes = await editor.SaveAsync(form, cancellationToken);
        var url = Url.Content("~/admin/settings/home");
        if (moved is { } position)
        {
            var key = form.Order[position];
            TempData["Message"] = changes is null ? "Cette section est déjà à cette place." : $"Ordre de la page d'accueil enregistré : la section est maintenant en position {position + 1}.";
            var direction = move!.EndsWith(":up", StringComparison.Ordinal) ? "up" : "down";
            return Redirect($"{url}?focus=home-{key}&button={direction}#home-{key}");
        }

        TempData["Message"] = changes is null ? "Aucun changement à enregistrer." : "Page d'accueil enregistrée : le site public l'affiche dès maintenant.";
        return Redirect(url);
    }
}
