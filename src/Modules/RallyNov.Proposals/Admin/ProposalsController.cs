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
public sealed class ProposalsController(ProposalModeration moderation, IContentManager contents) : Controller
{
    [HttpGet("/admin/proposals")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        var pending = status != "decided";
        return View(new ProposalListViewModel(pending, await moderation.ListAsync(pending, cancellationToken)));
    }

    [HttpGet("/admin/proposals/{id}")]
    public async Task<IActionResult> Detail(string id, CancellationToken cancellationToken)
    {
        if (await moderation.FindAsync(id, cancellationToken) is not { } proposal)
        {
            return NotFound();
        }

        var draft = await contents.GetAsync(proposal.ContentItemId, VersionOptions.Latest, cancellationToken);
        return View(new ProposalDetailViewModel(proposal, draft, null, null));
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
            var draft = await contents.GetAsync(proposal.ContentItemId, VersionOptions.Latest, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Detail), new ProposalDetailViewModel(proposal, draft, reason, string.IsNullOrEmpty(reason) ? "Indiquez la raison du refus." : "2000 caractères au plus."));
        }

        var sent = await moderation.RejectAsync(proposal, reason, notify, User.Identity?.Name, cancellationToken);
        TempData["Message"] = $"Proposition « {proposal.StructureName} » refusée{(sent ? " ; la personne a été prévenue par courriel" : "")}.";
        return Redirect("~/admin/proposals");
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
}

public sealed record ProposalListViewModel(bool Pending, IReadOnlyList<Proposal> Proposals);

public sealed record ProposalDetailViewModel(Proposal Proposal, ContentItem? Draft, string? Reason, string? ReasonError);
