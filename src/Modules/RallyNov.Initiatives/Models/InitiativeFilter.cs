using System.Globalization;
using System.Text;

namespace RallyNov.Initiatives.Models;

/// <summary>
/// The filters of /initiatives, carried in the query string (?departement=21&amp;theme=mobilite&amp;annee=2023&amp;page=2)
/// so every state of the list is a plain link: it works without JavaScript and can be bookmarked.
/// </summary>
public sealed record InitiativeFilter(string? Departement = null, string? Theme = null, int? Year = null, int Page = 1)
{
    public bool IsEmpty => Departement is null && Theme is null && Year is null;

    /// <summary>The query string of this filter ("" or "?..."), page 1 left out.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Departement is not null)
        {
            parts.Add("departement=" + Uri.EscapeDataString(Departement));
        }

        if (Theme is not null)
        {
            parts.Add("theme=" + Uri.EscapeDataString(Theme));
        }

        if (Year is not null)
        {
            parts.Add("annee=" + Year.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (Page > 1)
        {
            parts.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : new StringBuilder("?").AppendJoin("&", parts).ToString();
    }
}
