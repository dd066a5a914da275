using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Email;
using RallyNov.Core.Media;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;
using RallyNov.Initiatives;
using RallyNov.Proposals.Data;
using RallyNov.Proposals.Public;
using RallyNov.Taxonomies;

namespace RallyNov.Proposals.Services;

/// <summary>The outcome of a submission: the site that received it and whether a mail went out.</summary>
/// <param name="Field">The form field the error is about (the image), or null for the whole form.</param>
public sealed record SubmissionResult(bool Succeeded, string? SiteName, bool AcknowledgementSent, string? Error = null, string? Field = null);

/// <summary>
/// Turns a valid form into, in the chosen site's database and one transaction, a draft Initiative
/// (public fields only, « Proposition publique », submitted for review) and a Proposal row holding
/// the contact details; records it in that site's audit trail and acknowledges it by e-mail when
/// SMTP is configured.
/// </summary>
public sealed class ProposalSubmission(ITenantScopeFactory scopes, TimeProvider clock, IEmailSender email)
{
    public async Task<SubmissionResult> SubmitAsync(ProposalForm form, TenantSettings target, string submittedOn, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateScope(target);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<RallyNovDbContext>();
        var contents = services.GetRequiredService<IContentManager>();
        var proposals = services.GetRequiredService<ProposalsDbContext>();
        var taxonomies = services.GetRequiredService<ITaxonomyService>();

        var item = contents.New(InitiativeFields.Type);
        var name = form.StructureName!.Trim();
        item.Set("Title", name);
        item.Set(InitiativeFields.StructureName, name);
        item.Set(InitiativeFields.City, form.City!.Trim());
        item.Set(InitiativeFields.Summary, Shorten(form.WhatItDoes!.Trim(), 300));
        item.Set(InitiativeFields.Body, $"<h2>Ce que fait l'initiative</h2>{Paragraphs(form.WhatItDoes!)}<h2>Ce qui est nouveau</h2>{Paragraphs(form.WhatIsNew!)}");
        item.Set(InitiativeFields.Departement, new JsonArray(form.Departement!));
        item.Set(InitiativeFields.Source, InitiativeFields.SourceProposal);

        // The target site's vocabularies decide: a term it lacks is dropped, not a reason to lose the proposal.
        var themes = await SlugsAsync(taxonomies, Vocabularies.Themes, cancellationToken);
        item.Set(InitiativeFields.Themes, new JsonArray(form.Themes.Where(themes.Contains).Select(t => (JsonNode)JsonValue.Create(t)).ToArray()));
        var kinds = await SlugsAsync(taxonomies, Vocabularies.StructureKinds, cancellationToken);
        if (form.StructureKind is { Length: > 0 } kind && kinds.Contains(kind))
        {
            item.Set(InitiativeFields.StructureKind, new JsonArray(kind));
        }

        if (!string.IsNullOrWhiteSpace(form.Website))
        {
            item.Set(InitiativeFields.Website, new JsonObject { ["url"] = form.Website.Trim(), ["text"] = name });
        }

        if (form.HasImage)
        {
            var (path, error) = await StoreImageAsync(services, form, cancellationToken);
            if (path is null)
            {
                return new SubmissionResult(false, null, false, error, nameof(ProposalForm.Image));
            }

            item.Set(InitiativeFields.Image, new JsonObject { ["path"] = path, ["alt"] = form.ImageAlt!.Trim() });
        }

        var proposal = new Proposal
        {
            Id = Guid.NewGuid().ToString("N"),
            StructureName = name,
            SubmittedOn = submittedOn,
            ContactName = form.ContactName!.Trim(),
            ContactEmail = form.Email!.Trim(),
            ContactPhone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
            Status = ProposalStatus.Pending,
            SubmittedUtc = clock.GetUtcNow().UtcDateTime,
        };

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var saved = await contents.SaveDraftAsync(item, cancellationToken);
            if (!saved.Succeeded)
            {
                return new SubmissionResult(false, null, false, string.Join(" ", saved.Errors.Select(e => e.Message)));
            }

            proposal.ContentItemId = saved.Item!.ContentItemId;
            await services.GetRequiredService<IContentWorkflow>().SubmitForReviewAsync(proposal.ContentItemId, cancellationToken);
            proposals.Proposals.Add(proposal);
            await proposals.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var audit = services.GetRequiredService<IAuditEventFactory>();
        await services.GetRequiredService<IAuditTrail>().RecordAsync(
            audit.Create(AuditCategories.Content, AuditActions.ProposalSubmitted, proposal.ContentItemId, name, $"proposition reçue sur le site « {submittedOn} »"),
            cancellationToken);

        var site = services.GetRequiredService<TenantContext>().Settings.DisplayName;
        var sent = email.IsConfigured && email.Enqueue(Acknowledgement(proposal, site));
        return new SubmissionResult(true, site, sent);
    }

    /// <summary>
    /// Into the receiving site's media library, with its checks (type read from the bytes, size, SVG
    /// cleaned), under a neutral name: the visitor's file name may carry personal details.
    /// </summary>
    private async Task<(string? Path, string? Error)> StoreImageAsync(IServiceProvider services, ProposalForm form, CancellationToken cancellationToken)
    {
        var uploads = services.GetService<IMediaUploads>();
        if (uploads is null || !uploads.IsAvailable)
        {
            return (null, "Ce site ne reçoit pas d'images : envoyez votre proposition sans image.");
        }

        var extension = Path.GetExtension(form.Image!.FileName).ToLowerInvariant();
        var name = $"proposition-{clock.GetUtcNow():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}{(extension.Length is > 1 and <= 5 ? extension : "")}";
        await using var content = form.Image.OpenReadStream();
        var outcome = await uploads.UploadImageAsync(new MediaUploadRequest(name, content, form.Image.Length, form.ImageAlt!.Trim(), "proposition du public", AllowSvg: true), cancellationToken);
        return (outcome.Path, outcome.Error);
    }

    private static EmailMessage Acknowledgement(Proposal proposal, string site) =>
        new(
            proposal.ContactEmail!,
            $"Votre proposition « {proposal.StructureName} » a bien été reçue",
            $"Bonjour {proposal.ContactName},\n\nMerci d'avoir proposé l'initiative « {proposal.StructureName} » à {site}. "
            + "L'équipe la lira et vous répondra à cette adresse. Vos coordonnées ne seront jamais publiées ; "
            + "elles seront effacées au plus tard un an après notre décision.\n\nL'équipe rally'nov")
        {
            ToName = proposal.ContactName,
            SenderName = site,
        };

    private static async Task<HashSet<string>> SlugsAsync(ITaxonomyService taxonomies, string vocabulary, CancellationToken cancellationToken) =>
        (await taxonomies.GetAsync(vocabulary, cancellationToken))?.Terms.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal) ?? [];

    private static string Paragraphs(string text) =>
        string.Concat(text.Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
