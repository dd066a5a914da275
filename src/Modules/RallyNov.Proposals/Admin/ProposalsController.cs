using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Security;
using RallyNov.Proposals.Data;
using RallyNov.Proposals.Services;

namespace RallyNov.Proposals.Admin;

/// <summary>« Propositions »: the public's proposals of this site, to accept, reject or erase.</summary>
[Area("Admin")]
[RequirePermission(Permissions.PublishContent)]
public sealed class ProposalsController(ProposalModeration moderation, ProposalMerge merge, IContentManager contents) : Controller
{
    [HttpGet("/admin/proposals")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        var pending = status != "decided";
        return View(new ProposalListViewModel(pending, await moderation.ListAsync(pending, cancellationToken)));
    }

    [HttpGet("/admin/proposals/{id}")]
    public async Task<IActionResult> Detail(string id, string? titre, CancellationToken cancellationToken)
    {
        if (await moderation.FindAsync(id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        return View(await DetailModelAsync(proposal, null, null, new MergeForm(titre, null, null), cancellationToken));
    }

    [HttpPost("/admin/proposals/{id}/accept")]
    public async Task<IActionResult> Accept(string id, CancellationToken cancellationToken)
    {
        if (await moderation.FindAsync(id, cancellationToken) is not { Status: ProposalStatus.Pending } proposal)
        {
            return NotFound();
        }

        await moderation.AcceptAsync(proposal, User.Identity?.Name, cancellationToken);
        TempData["Message"] = $"Proposition « {proposal.StructureName} » acceptée : complétez le brouillon puis publiez-le.";
        return Redirect($"~/admin/contents/{proposal.ContentItemId}/edit");
    }

    [HttpPost("/admin/proposals/{id}/reject")]
    public async Task<IActionResult> Reject(string id, string? reason, bool notify, CancellationToken cancellationToken)
    {
        if (await moderation.FindAsync(id, cancellationToken) is not { Status: ProposalStatus.Pending } proposal)
        {
            return NotFound();
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Detail), await DetailModelAsync(proposal, reason, string.IsNullOrEmpty(reason) ? "Indiquez la raison du refus." : "2000 caractères au plus.", new MergeForm(null, null, null), cancellationToken));
        }

        var sent = await moderation.RejectAsync(proposal, reason, notify, User.Identity?.Name, cancellationToken);
        TempData["Message"] = $"Proposition « {proposal.StructureName} » refusée{(sent ? " ; la personne a été prévenue par courriel" : "")}.";
        return Redirect("~/admin/proposals");
    }

    [HttpPost("/admin/proposals/{id}/merge")]
    public async Task<IActionResult> Merge(string id, string? initiative, CancellationToken cancellationToken)
    {
        if (await moderation.FindAsync(id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        var result = await merge.MergeAsync(proposal, initiative, User.Identity?.Name, cancellationToken);
        if (!result.Succeeded)
        {
            // The page comes back with the choice kept and the error next to the form.
            Response.StatusCode = proposal.Status == ProposalStatus.Pending ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return View(nameof(Detail), await DetailModelAsync(proposal, null, null, new MergeForm(null, initiative, result.Error), cancellationToken));
        }

        TempData["Message"] = result.FilledFields.Count == 0
            ? $"Proposition « {proposal.StructureName} » fusionnée avec « {result.Initiative?.DisplayText} » : l'initiative n'avait aucun champ vide à compléter."
            : $"Proposition « {proposal.StructureName} » fusionnée avec « {result.Initiative?.DisplayText} » : {result.FilledFields.Count} champ(s) vide(s) complété(s) dans un brouillon, à relire puis publier.";
        return Redirect($"~/admin/proposals/{id}");
    }

    [HttpPost("/admin/proposals/{id}/erase")]
    public async Task<IActionResult> Erase(string id, CancellationToken cancellationToken)
    {
        if (await moderation.FindAsync(id, cancellationToken) is not { ErasedUtc: null } proposal)
        {
            return NotFound();
        }

        await moderation.EraseAsync(proposal, "coordonnées effacées à la demande de la personne", cancellationToken);
        TempData["Message"] = "Les coordonnées de la personne ont été effacées.";
        return Redirect($"~/admin/proposals/{id}");
    }

    private async Task<ProposalDetailViewModel> DetailModelAsync(Proposal proposal, string? reason, string? reasonError, MergeForm form, CancellationToken cancellationToken)
    {
        var draft = await contents.GetAsync(proposal.ContentItemId, VersionOptions.Latest, cancellationToken);
        var mergedInto = proposal.MergedIntoId is { } target ? await contents.GetAsync(target, VersionOptions.Latest, cancellationToken) : null;
        var candidates = proposal.Status == ProposalStatus.Pending ? await merge.CandidatesAsync(proposal, form.Title, cancellationToken) : [];
        return new ProposalDetailViewModel(proposal, draft, reason, reasonError) { Merge = form, Candidates = candidates, MergedInto = mergedInto };
    }
}

public sealed record ProposalListViewModel(bool Pending, IReadOnlyList<Proposal> Proposals);

public sealed record ProposalDetailViewModel(Proposal Proposal, ContentItem? Draft, string? Reason, string? ReasonError)
{
    public MergeForm Merge { get; init; } = new(null, null, null);

    /// <summary>The site's initiatives offered in « Fusionner avec une initiative existante ».</summary>
    public IReadOnlyList<ContentItem> Candidates { get; init; } = [];

    /// <summary>The initiative a merged proposal completed.</summary>
    public ContentItem? MergedInto { get; init; }
}

/// <param name="Title">The title filter of the initiative list.</param>
/// <param name="Initiative">The chosen initiative, kept when the page comes back with an error.</param>
public sealed record MergeForm(string? Title, string? Initiative, string? Error);
