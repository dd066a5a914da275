using System.Net;
using System.Text.RegularExpressions;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// A POST form read from a page, with the values the page put in it (hidden fields and the
/// antiforgery token included); a test only fills what a person would type, then submits exactly
/// that form to its own action.
/// </summary>
public sealed partial class ParsedForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private ParsedForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        _fields = fields;
    }

    public string Action { get; }

    /// <summary>The POST form whose action ends with <paramref name="actionEnd"/> (the path, query ignored).</summary>
    public static ParsedForm Find(string html, string actionEnd)
    {
        foreach (Match form in Forms().Matches(html))
        {
            var attributes = form.Groups["attrs"].Value;
            var action = WebUtility.HtmlDecode(Attribute(attributes, "action") ?? "");
            if (!string.Equals(Attribute(attributes, "method"), "post", StringComparison.OrdinalIgnoreCase)
                || !action.Split('?')[0].EndsWith(actionEnd, StringComparison.Ordinal))
            {
                continue;
            }

            var fields = new List<KeyValuePair<string, string>>();
            foreach (Match input in Inputs().Matches(form.Groups["body"].Value))
            {
                var attrs = input.Groups["attrs"].Value;
                var name = Attribute(attrs, "name");
                var type = Attribute(attrs, "type") ?? "text";
                if (name is null || type is "submit" or "button" || (type is "checkbox" or "radio" && !Regex.IsMatch(attrs, @"\schecked\b")))
                {
                    continue;
                }

                fields.Add(new(name, WebUtility.HtmlDecode(Attribute(attrs, "value") ?? (type is "checkbox" or "radio" ? "on" : ""))));
            }

            return new ParsedForm(action, fields);
        }

        throw new Xunit.Sdk.XunitException($"No POST form to …{actionEnd} in the page.");
    }

    /// <summary>Types a value into a field (replacing what the page put there).</summary>
    public ParsedForm Set(string name, string value)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.Add(new(name, value));
        return this;
    }

    public string? Value(string name) => _fields.FirstOrDefault(f => f.Key == name).Value;

    public Task<HttpResponseMessage> SubmitAsync(TestBrowser browser) => browser.PostAsync(Action, _fields);

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $@"(?:^|\s){name}=""([^""]*)""", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"<form(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Forms();

    [GeneratedRegex(@"<(?:input|textarea)(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Inputs();
}
