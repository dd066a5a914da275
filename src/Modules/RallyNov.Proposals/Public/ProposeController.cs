using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Email;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Proposals.Services;
using RallyNov.Taxonomies;

namespace RallyNov.Proposals.Public;

/// <summary>« Proposer une initiative »: the public form of every site, and its confirmation page.</summary>
public sealed class ProposeController(
    ITaxonomyService taxonomies,
    SubmissionGuard guard,
    ProposalRouter router,
    ProposalSubmission submission,
    TenantContext tenant,
    IEmailSender email) : Controller
{
    /// <summary>Posts larger than this are refused before reading: the text of the longest valid form is far below 64 Ko, plus one image.</summary>
    public const long MaxPostBytes = (64 * 1024) + MaxImageBytes;

    /// <summary>The largest image the form takes (the media library may accept less: its own limit then applies).</summary>
    public const long MaxImageBytes = 10 * 1024 * 1024;

    [HttpGet("/proposer")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(new ProposalForm(), cancellationToken));

    [HttpPost("/proposer")]
    [RequestSizeLimit(MaxPostBytes)]
    [RequestFormLimits(ValueLengthLimit = 16 * 1024, ValueCountLimit = 64)]
    public async Task<IActionResult> Index([FromForm] ProposalForm form, CancellationToken cancellationToken)
    {
        // A robot filled the hidden field: answer as if all went well and keep nothing.
        if (!string.IsNullOrEmpty(form.Commentaire))
        {
            return RedirectToAction(nameof(Thanks));
        }

        // Read before the model is built: the page shown again carries a fresh token.
        var filledByAPerson = guard.FilledByAPerson(form.Jeton);
        var model = await ModelAsync(form, cancellationToken);
        ModelState.Clear();
        foreach (var (field, message) in form.Validate(model.Departements.Select(d => d.Slug).ToHashSet(), model.Themes.Select(t => t.Slug).ToHashSet(), model.Kinds.Select(k => k.Slug).ToHashSet(), MaxImageBytes))
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        if (!filledByAPerson)
        {
            model.Alert = "Le formulaire a été envoyé très vite après son affichage, comme le ferait un robot. Vérifiez vos réponses puis envoyez-le de nouveau : rien de ce que vous avez saisi n'est perdu.";
            return View(model);
        }

        if (!guard.TryCount(HttpContext.Connection.RemoteIpAddress))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            model.Alert = "Beaucoup de propositions ont été envoyées depuis votre connexion dans la dernière heure. Réessayez un peu plus tard : rien de ce que vous avez saisi n'est perdu.";
            return View(model);
        }

        var target = await router.TargetAsync(form.Departement!, cancellationToken);
        var result = await submission.SubmitAsync(form, target, tenant.Settings.DisplayName, cancellationToken);
        if (!result.Succeeded && result.Field is { } refusedField)
        {
            // The receiving site's media library refused the picture: said next to it, the rest kept.
            ModelState.AddModelError(refusedField, result.Error!);
            return View(model);
        }

        if (!result.Succeeded)
        {
            model.Alert = "Votre proposition n'a pas pu être enregistrée : " + result.Error + " Rien de ce que vous avez saisi n'est perdu.";
            return View(model);
        }

        TempData["ProposalSite"] = result.SiteName;
        TempData["ProposalMail"] = result.AcknowledgementSent;
        return RedirectToAction(nameof(Thanks));
    }

    [HttpGet("/proposer/merci")]
    public IActionResult Thanks() => View(new ThanksViewModel(TempData["ProposalSite"] as string, TempData["ProposalMail"] is true || (TempData["ProposalMail"] is null && email.IsConfigured)));

    private async Task<ProposeViewModel> ModelAsync(ProposalForm form, CancellationToken cancellationToken)
    {
        form.Jeton = guard.IssueToken();
        return new ProposeViewModel
        {
            Form = form,
            Departements = await TermsAsync(Vocabularies.Departements, cancellationToken),
            Themes = await TermsAsync(Vocabularies.Themes, cancellationToken),
            Kinds = await TermsAsync(Vocabularies.StructureKinds, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<Term>> TermsAsync(string vocabulary, CancellationToken cancellationToken) =>
        (await taxonomies.GetAsync(vocabulary, cancellationToken))?.Terms.OrderBy(t => t.Order).ThenBy(t => t.Name, StringComparer.Ordinal).ToList() ?? [];
}

public sealed class ProposeViewModel
{
    public required ProposalForm Form { get; init; }

    public IReadOnlyList<Term> Departements { get; init; } = [];

    public IReadOnlyList<Term> Themes { get; init; } = [];

    public IReadOnlyList<Term> Kinds { get; init; } = [];

    /// <summary>A message about the whole form (too fast, too many, not saved), shown above it.</summary>
    public string? Alert { get; set; }
}

public sealed record ThanksViewModel(string? SiteName, bool AcknowledgementSent);
