using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Security;
using RallyNov.Core.Time;

namespace RallyNov.Contents.Admin;

/// <summary>
/// The small forms of the editor's side panel (<c>_ContentWorkflow</c>): submit for review,
/// schedule or unschedule the publication. Each checks the item's permission on the server.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
[ValidateAntiForgeryToken]
public sealed class ContentWorkflowController(IContentManager contents, IContentWorkflow workflow, IContentAuthorization authorization) : Controller
{
    [HttpPost("/admin/contents/{id}/workflow/submit")]
    public async Task<IActionResult> Submit(string id, string? returnUrl, CancellationToken cancellationToken)
    {
        var latest = await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, latest, ContentAction.Edit))
        {
            return Forbid();
        }

        var result = await workflow.SubmitForReviewAsync(id, cancellationToken);
        return Done(id, returnUrl, result, "Le contenu est soumis pour relecture : un éditeur va le relire et le publier.");
    }

    [HttpPost("/admin/contents/{id}/workflow/schedule")]
    public async Task<IActionResult> Schedule(string id, string? publishAt, string? versionId, string? returnUrl, CancellationToken cancellationToken)
    {
        var latest = await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, latest, ContentAction.Publish))
        {
            return Forbid();
        }

        if (!TryParseParis(publishAt, out var utc, out var error))
        {
            TempData["Error"] = error;
            return LocalRedirect(Back(id, returnUrl));
        }

        var result = await workflow.SchedulePublishAsync(id, utc, string.IsNullOrEmpty(versionId) ? null : versionId, cancellationToken);
        return Done(id, returnUrl, result, $"Publication programmée le {ParisTime.Format(utc)}.");
    }

    [HttpPost("/admin/contents/{id}/workflow/unschedule")]
    public async Task<IActionResult> Unschedule(string id, string? returnUrl, CancellationToken cancellationToken)
    {
        var latest = await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            return NotFound();
        }

        if (!await authorization.CanAsync(User, latest, ContentAction.Publish))
        {
            return Forbid();
        }

        var result = await workflow.CancelScheduleAsync(id, cancellationToken);
        return Done(id, returnUrl, result, "La publication programmée est annulée.");
    }

    /// <summary>Reads a <c>datetime-local</c> value as Europe/Paris time and gives it in UTC.</summary>
    public static bool TryParseParis(string? value, out DateTime utc, out string error)
    {
        utc = default;
        error = "Indiquez une date et une heure valides.";
        if (!DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        if (ParisTimeZone.Zone.IsInvalidTime(local))
        {
            error = "Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez-en une autre.";
            return false;
        }

        utc = ParisTimeZone.ToUtc(local);
        return true;
    }

    private IActionResult Done(string id, string? returnUrl, RallyNov.Core.Content.ContentResult result, string success)
    {
        if (result.Status == ContentResultStatus.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = success;
        }
        else
        {
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Message));
        }

        return LocalRedirect(Back(id, returnUrl));
    }

    private string Back(string id, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith('~')
            ? returnUrl
            : Url.Content($"~/admin/contents/{Uri.EscapeDataString(id)}/edit");
}
