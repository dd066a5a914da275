using System.Text.Json.Nodes;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Initiatives;
using RallyNov.Proposals.Data;

namespace RallyNov.Proposals.Services;

/// <summary>The outcome of a merge: the French error, or the fields the proposal filled.</summary>
public sealed record MergeResult(string? Error, IReadOnlyList<string> FilledFields, ContentItem? Initiative)
{
    public bool Succeeded => Error is null;

    public static MergeResult Failed(string error) => new(error, [], null);
}

/// <summary>
/// « Fusionner avec une initiative existante »: the proposal's non-empty fields fill only the
/// empty fields of an existing Initiative of the same site, saved as a new draft (never published:
/// an editor reviews it); the proposal's own draft goes to the bin, the proposal is closed as merged
/// (its decision date starts the retention clock) and the step is audited. The contact details
/// stay in the Proposals table: nothing personal reaches the initiative.
/// </summary>
public sealed class ProposalMerge(
    ProposalsDbContext db,
    RallyNovDbContext content,
    IContentManager contents,
    IAuditTrail audit,
    IAuditEventFactory events,
    TimeProvider clock)
{
    /// <summary>
    /// Fields never carried over: the title and address are the initiative's own (the proposal's
    /// address would clash with its draft's), the source marks how the initiative was found.
    /// </summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "Title", "Slug", InitiativeFields.Source };

    /// <summary>The site's initiatives a proposal can be merged into, by title (200 at most; filter by title for more).</summary>
    public async Task<IReadOnlyList<ContentItem>> CandidatesAsync(Proposal proposal, string? title, CancellationToken cancellationToken)
    {
        var page = await contents.QueryAsync(
            new ContentQuery
            {
                ContentTypes = [InitiativeFields.Type],
                Status = ContentStatus.Latest,
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
                Order = ContentOrder.TitleAscending,
                PageSize = 200,
            },
            cancellationToken);
        return [.. page.Items.Where(i => i.ContentItemId != proposal.ContentItemId)];
    }

    public async Task<MergeResult> MergeAsync(Proposal proposal, string? initiativeId, string? user, CancellationToken cancellationToken)
    {
        if (proposal.Status != ProposalStatus.Pending)
        {
            return MergeResult.Failed("Cette proposition a déjà été traitée : elle ne peut plus être fusionnée.");
        }

        if (string.IsNullOrWhiteSpace(initiativeId))
        {
            return MergeResult.Failed("Choisissez l'initiative avec laquelle fusionner la proposition.");
        }

        var target = initiativeId == proposal.ContentItemId ? null : await contents.GetAsync(initiativeId, VersionOptions.Latest, cancellationToken);
        if (target is not { ContentType: InitiativeFields.Type, DeletedUtc: null })
        {
            return MergeResult.Failed("Cette initiative n'existe pas (ou plus) sur ce site : choisissez-en une autre.");
        }

        var source = await contents.GetAsync(proposal.ContentItemId, VersionOptions.Latest, cancellationToken);
        var draft = target.Clone();
        var filled = new List<string>();
        foreach (var (field, value) in source?.Content ?? [])
        {
            if (!Kept.Contains(field) && !IsEmpty(value) && IsEmpty(draft.Content[field]))
            {
                draft.Set(field, value!.DeepClone());
                filled.Add(field);
            }
        }

        await using (var transaction = await content.Database.BeginTransactionAsync(cancellationToken))
        {
            if (filled.Count > 0)
            {
                var saved = await contents.SaveDraftAsync(draft, cancellationToken);
                if (!saved.Succeeded)
                {
                    return MergeResult.Failed("L'initiative n'a pas pu être complétée : " + string.Join(" ", saved.Errors.Select(e => e.Message)));
                }

                draft = saved.Item!;
            }

            proposal.Status = ProposalStatus.Merged;
            proposal.MergedIntoId = target.ContentItemId;
            proposal.DecidedUtc = clock.GetUtcNow().UtcDateTime;
            proposal.DecidedBy = user;
            await db.SaveChangesAsync(cancellationToken);
            if (source is { Published: false, DeletedUtc: null })
            {
                await contents.DeleteAsync(proposal.ContentItemId, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var details = $"proposition fusionnée avec l'initiative « {target.DisplayText} » ({target.ContentItemId}) : "
            + (filled.Count == 0 ? "aucun champ vide à compléter" : "brouillon complété (" + string.Join(", ", filled) + ") à relire puis publier");
        await audit.RecordAsync(events.Create(AuditCategories.Content, AuditActions.ProposalMerged, proposal.ContentItemId, proposal.StructureName, details), cancellationToken);
        return new MergeResult(null, filled, draft);
    }

    /// <summary>Null, blank text, an empty list, an image without a file or a link without an address.</summary>
    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonValue value => value.TryGetValue<string>(out var text) && string.IsNullOrWhiteSpace(text),
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.All(p => IsEmpty(p.Value))
            || (obj.ContainsKey("path") && IsEmpty(obj["path"]))
            || (obj.ContainsKey("url") && IsEmpty(obj["url"])),
        _ => false,
    };
}
