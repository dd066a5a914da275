using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Core.Email;
using RallyNov.Core.Tenants;
using RallyNov.Proposals.Data;

namespace RallyNov.Proposals.Services;

/// <summary>
/// The back office's decisions on the current site's proposals: accept (the draft stays, to be
/// completed and published), reject (the draft goes to the bin, optional mail), erase the contact
/// details; and the retention rule. Every step is recorded in the audit trail.
/// </summary>
public sealed class ProposalModeration(
    ProposalsDbContext db,
    IContentManager contents,
    IAuditTrail audit,
    IAuditEventFactory events,
    IEmailSender email,
    TenantContext tenant,
    IOptions<ProposalsOptions> options,
    TimeProvider clock)
{
    public Task<int> PendingCountAsync(CancellationToken cancellationToken) =>
        db.Proposals.CountAsync(p => p.Status == ProposalStatus.Pending, cancellationToken);

    public async Task<IReadOnlyList<Proposal>> ListAsync(bool pending, CancellationToken cancellationToken)
    {
        await PurgeExpiredAsync(cancellationToken);
        var query = db.Proposals.AsNoTracking().Where(p => pending ? p.Status == ProposalStatus.Pending : p.Status != ProposalStatus.Pending);
        var list = await query.ToListAsync(cancellationToken);
        return [.. list.OrderByDescending(p => p.SubmittedUtc).Take(200)];
    }

    public Task<Proposal?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Proposals.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task AcceptAsync(Proposal proposal, string? user, CancellationToken cancellationToken)
    {
        proposal.Status = ProposalStatus.Accepted;
        proposal.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        proposal.DecidedBy = user;
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(AuditActions.ProposalAccepted, proposal, "proposition acceptée : le brouillon est à compléter puis à publier", cancellationToken);
    }

    /// <returns>Whether the proposer was told by e-mail.</returns>
    public async Task<bool> RejectAsync(Proposal proposal, string reason, bool notify, string? user, CancellationToken cancellationToken)
    {
        proposal.Status = ProposalStatus.Rejected;
        proposal.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        proposal.DecidedBy = user;
        proposal.RejectionReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        if (await contents.GetAsync(proposal.ContentItemId, VersionOptions.Latest, cancellationToken) is { Published: false })
        {
            await contents.DeleteAsync(proposal.ContentItemId, cancellationToken);
        }

        var sent = false;
        if (notify && email.IsConfigured && proposal.ContactEmail is { } to)
        {
            var site = tenant.Settings.DisplayName;
            sent = email.Enqueue(new EmailMessage(
                to,
                $"Votre proposition « {proposal.StructureName} »",
                $"Bonjour {proposal.ContactName},\n\nMerci d'avoir proposé « {proposal.StructureName} » à {site}. "
                + $"Nous ne la publierons pas, pour la raison suivante :\n\n{reason}\n\nL'équipe rally'nov")
            { ToName = proposal.ContactName, SenderName = site });
        }

        await RecordAsync(AuditActions.ProposalRejected, proposal, "proposition refusée : " + reason + (sent ? " (courriel envoyé)" : ""), cancellationToken);
        return sent;
    }

    public async Task EraseAsync(Proposal proposal, string reason, CancellationToken cancellationToken)
    {
        Erase(proposal);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync(AuditActions.ProposalErased, proposal, reason, cancellationToken);
    }

    /// <summary>Erases the contact details of proposals decided more than RetentionMonths ago.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.RetentionMonths;
        if (months <= 0)
        {
            return 0;
        }

        var limit = clock.GetUtcNow().UtcDateTime.AddMonths(-months);
        var expired = await db.Proposals.Where(p => p.ErasedUtc == null && p.DecidedUtc != null && p.DecidedUtc < limit).ToListAsync(cancellationToken);
        foreach (var proposal in expired)
        {
            await EraseAsync(proposal, $"coordonnées effacées automatiquement ({months} mois après la décision)", cancellationToken);
        }

        return expired.Count;
    }

    private void Erase(Proposal proposal)
    {
        proposal.ContactName = null;
        proposal.ContactEmail = null;
        proposal.ContactPhone = null;
        proposal.ErasedUtc = clock.GetUtcNow().UtcDateTime;
    }

    private Task RecordAsync(string action, Proposal proposal, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(events.Create(AuditCategories.Content, action, proposal.ContentItemId, proposal.StructureName, details), cancellationToken);
}
