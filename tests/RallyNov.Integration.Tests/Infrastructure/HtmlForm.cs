using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RallyNov.Integration.Tests.Infrastructure;

/// <summary>A file sent with a multipart form, as a browser's file input would.</summary>
public sealed record FormFile(string Field, string FileName, byte[] Content);

/// <summary>
/// One form of a page as a browser sees it: where it posts, and the values it would send (its
/// hidden fields, its antiforgery token, what is typed, ticked or selected). Tests submit what the
/// page gave them, changed the way a person would change it — never a body built by hand and never
/// a token taken from another form.
/// </summary>
public sealed class HtmlForm
{
    public const string TokenField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    private readonly List<KeyValuePair<string, string>> _fields;

    private HtmlForm(string action, string method, bool multipart, List<KeyValuePair<string, string>> fields, string html)
    {
        Action = action;
        Method = method;
        Multipart = multipart;
        _fields = fields;
        Html = html;
    }

    /// <summary>The path and query the form posts to, resolved against its page.</summary>
    public string Action { get; }

    /// <summary>"get" or "post", lower case.</summary>
    public string Method { get; }

    public bool Multipart { get; }

    /// <summary>The form's own markup, for messages.</summary>
    public string Html { get; }

    /// <summary>The successful controls, in document order (buttons excluded: only the clicked one is sent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>The form's own antiforgery token, or null when it has none.</summary>
    public string? Token => _fields.FirstOrDefault(f => f.Key == TokenField).Value is { Length: > 0 } token ? token : null;

    public IReadOnlyList<string> Values(string name) => _fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    /// <summary>Every form of a page; <paramref name="pageUrl"/> resolves relative actions.</summary>
    public static IReadOnlyList<HtmlForm> All(string html, string pageUrl)
    {
        using var document = Parser.ParseDocument(html);
        return document.Forms.Select(f => Read(f, pageUrl)).ToList();
    }

    /// <summary>
    /// The form of the page that posts to <paramref name="action"/> (path, with or without its query).
    /// When several do (one small form per row), the one whose fields already hold the most of
    /// <paramref name="hint"/> — the row the person clicks in.
    /// </summary>
    public static HtmlForm Find(string html, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>>? hint = null)
    {
        var forms = All(html, pageUrl);
        var matching = forms.Where(f => f.Action == action).ToList();
        if (matching.Count == 0)
        {
            matching = forms.Where(f => f.Action.Split('?')[0] == action.Split('?')[0]).ToList();
        }

        Assert.True(matching.Count > 0,
            $"The page {pageUrl} has no form posting to {action} (its forms post to: {string.Join(", ", forms.Select(f => f.Action))}).");
        var wanted = (hint ?? []).ToList();
        return matching.OrderByDescending(f => wanted.Count(w => f.Values(w.Key).Contains(w.Value))).First();
    }

    /// <summary>
    /// The values a person typed, ticked or picked: each name given replaces all of that name's
    /// values (so a list of checkboxes is given in full); other fields keep what the page gave.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> changes)
    {
        var list = changes.ToList();
        var names = list.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return [.. _fields.Where(f => !names.Contains(f.Key)), .. list];
    }

    /// <summary>The request body a browser would send for these values.</summary>
    public HttpContent Body(IReadOnlyList<KeyValuePair<string, string>> values, IReadOnlyList<FormFile>? files = null)
    {
        if (!Multipart)
        {
            Assert.True(files is null || files.Count == 0, $"The form posting to {Action} cannot send files: it is not multipart.");
            return new FormUrlEncodedContent(values);
        }

        var body = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            body.Add(new StringContent(value), name);
        }

        foreach (var file in files ?? [])
        {
            body.Add(new ByteArrayContent(file.Content), file.Field, file.FileName);
        }

        return body;
    }

    private static HtmlForm Read(IHtmlFormElement form, string pageUrl)
    {
        var page = new Uri(new Uri("http://localhost"), pageUrl);
        var actionAttribute = form.GetAttribute("action");
        var action = string.IsNullOrEmpty(actionAttribute) ? page : new Uri(page, actionAttribute);
        var method = (form.GetAttribute("method") ?? "get").Trim().ToLowerInvariant();
        var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        return new HtmlForm(action.PathAndQuery, method, multipart, Controls(form), form.OuterHtml);
    }

    private static List<KeyValuePair<string, string>> Controls(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input:
                    var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        break;
                    }

                    if (type is "checkbox" or "radio")
                    {
                        if (input.HasAttribute("checked"))
                        {
                            fields.Add(new(name, input.GetAttribute("value") ?? "on"));
                        }

                        break;
                    }

                    fields.Add(new(name, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    var options = select.Options.OfType<IHtmlOptionElement>().ToList();
                    var selected = options.Where(o => o.HasAttribute("selected")).ToList();
                    if (selected.Count == 0 && !select.HasAttribute("multiple") && options.Count > 0)
                    {
                        selected = [options[0]]; // a single select shows and sends its first option
                    }

                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return fields;
    }
}
