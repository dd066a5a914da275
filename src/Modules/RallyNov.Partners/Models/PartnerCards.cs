using RallyNov.Contents.Display;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Taxonomies;

namespace RallyNov.Partners.Models;

/// <summary>What a partner's card shows, read from its JSON once (immutable: shared by requests).</summary>
public sealed record PartnerCard(string ContentItemId, string? Slug, string Title, string Initials, MediaValue? Logo, LinkValue? Website, string? Involvement, string? Description)
{
    public static PartnerCard From(ContentItem item) => new(
        item.ContentItemId,
        item.Slug,
        item.DisplayText,
        // Initials of the significant words: "Chambre de Métiers du Jura" → "CMJ".
        string.Concat(item.DisplayText.Split(' ', '-', '\'', '(', ')').Where(w => w.Length > 2 || (w.Length > 0 && w.All(char.IsUpper))).Select(w => char.ToUpperInvariant(w[0])).Take(4)),
        item.GetMedia(PartnerFields.Logo),
        item.GetLink(PartnerFields.Website),
        item.GetString(PartnerFields.Involvement),
        item.GetString(PartnerFields.Description));
}

public sealed record PartnerCardGroup(string Key, string Title, IReadOnlyList<PartnerCard> Partners);

/// <summary>/partenaires: the groups of <see cref="PartnerGrouping.ByKind"/> as cards, built once per tenant version.</summary>
public static class PartnerCatalog
{
    public static Task<IReadOnlyList<PartnerCardGroup>> GetAsync(IPublishedViews views, ITermNames terms, CancellationToken cancellationToken) =>
        views.GetAsync<IReadOnlyList<PartnerCardGroup>>(PartnerFields.Type, "by-kind", async (reader, ct) =>
        {
            var all = await reader.AllAsync(PartnerFields.Type, ct);
            var kinds = await terms.TermsAsync(Vocabularies.PartnerKinds, ct);
            return PartnerGrouping.ByKind(all, kinds).Select(g => new PartnerCardGroup(g.Key, g.Title, g.Partners.Select(PartnerCard.From).ToArray())).ToArray();
        }, cancellationToken);
}
