using RallyNov.Contents.Display;
using RallyNov.Core.Content;
using RallyNov.Taxonomies;

namespace RallyNov.Initiatives.Models;

/// <summary>
/// What the card of an initiative shows (/initiatives, the home block), read once from the item's
/// JSON. Immutable, so one instance serves concurrent requests; term names are resolved when the
/// card is made (a vocabulary edit moves the tenant's version, which drops the kept cards:
/// <see cref="InitiativeCards"/>).
/// </summary>
/// <param name="Place">« Commune · Département », either part left out when unknown ("" for neither).</param>
/// <param name="FirstTheme">Slug of the first thème: picks the fallback picture of an item without one.</param>
public sealed record InitiativeCard(
    string ContentItemId,
    string? Slug,
    string Title,
    string Place,
    int? Year,
    string? Summary,
    IReadOnlyList<string> Themes,
    string? FirstTheme,
    MediaValue? Image)
{
    public static async Task<InitiativeCard> OfAsync(ContentItem item, ITermNames terms, CancellationToken cancellationToken)
    {
        var departement = item.GetFirst(InitiativeFields.Departement);
        var departementName = departement is null ? null : await terms.NameAsync(Vocabularies.Departements, departement, cancellationToken);
        var place = string.Join(" · ", new[] { item.GetString(InitiativeFields.City), departementName }.Where(s => !string.IsNullOrEmpty(s)));
        var themes = await terms.NamesAsync(Vocabularies.Themes, item.GetStrings(InitiativeFields.Themes), cancellationToken);
        return new InitiativeCard(
            item.ContentItemId,
            item.Slug,
            item.DisplayText,
            place,
            item.GetInt(InitiativeFields.YearIdentified),
            item.GetString(InitiativeFields.Summary) is { Length: > 0 } summary ? summary : null,
            themes.Count == 0 ? [] : themes,
            item.GetFirst(InitiativeFields.Themes),
            item.GetMedia(InitiativeFields.Image));
    }
}
