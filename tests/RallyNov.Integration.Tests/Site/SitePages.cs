using System.Net;
using System.Text.RegularExpressions;

namespace RallyNov.Integration.Tests.Site;

/// <summary>Small HTML reading helpers for the site tests (no parser package: regexes on our own markup).</summary>
public static partial class SitePages
{
    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string? Title(string html) => TitlePattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value.Trim()) : null;

    /// <summary>Every href and src pointing inside the site (starting with a single "/").</summary>
    public static IEnumerable<string> InternalLinks(string html) =>
        LinkPattern().Matches(html)
            .Select(m => WebUtility.HtmlDecode(m.Groups[2].Value))
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal))
            .Select(u => u.Split('#')[0])
            .Where(u => u.Length > 0);

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("(href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkPattern();
}
