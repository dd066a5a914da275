using System.Net;
using System.Text.RegularExpressions;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>Just enough HTML reading for assertions; Razor encodes the apostrophe of "rally'nov".</summary>
public static partial class Html
{
    /// <summary>The decoded text of the first element with this tag, or null.</summary>
    public static string? FirstText(string html, string tag)
    {
        var match = Regex.Match(html, $"<{tag}(?:\\s[^>]*)?>(.*?)</{tag}>", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(Tags().Replace(match.Groups[1].Value, "")).Trim() : null;
    }

    /// <summary>The markup of the &lt;section aria-labelledby="{headingId}"&gt; of a page (empty when absent).</summary>
    public static string Section(string html, string headingId)
    {
        var match = Regex.Match(html, $"<section aria-labelledby=\"{Regex.Escape(headingId)}\"[^>]*>(.*?)</section>", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : "";
    }

    /// <summary>The whole page with entities decoded, for "contains" checks on French text.</summary>
    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
