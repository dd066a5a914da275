using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// A POST form of a page already loaded (<see cref="HtmlForm"/>), found by the end of its action,
/// with the values a person types: the account tests keep a form across a clock change or read it
/// from a page reached through an e-mailed link.
/// </summary>
public sealed class ParsedForm
{
    private readonly HtmlForm _form;
    private readonly List<KeyValuePair<string, string>> _changes = [];

    private ParsedForm(HtmlForm form) => _form = form;

    /// <summary>The POST form whose action path ends with <paramref name="actionEnd"/>.</summary>
    public static ParsedForm Find(string html, string actionEnd)
    {
        var forms = HtmlForm.All(html, "/");
        var form = forms.FirstOrDefault(f => f.Method == "post" && f.Action.Split('?')[0].EndsWith(actionEnd, StringComparison.Ordinal));
        Assert.True(form is not null, $"No POST form to …{actionEnd} in the page (its forms post to: {string.Join(", ", forms.Select(f => f.Action))}).");
        return new ParsedForm(form!);
    }

    /// <summary>Types a value into a field (replacing what the page put there).</summary>
    public ParsedForm Set(string name, string value)
    {
        _changes.RemoveAll(f => f.Key == name);
        _changes.Add(new(name, value));
        return this;
    }

    public string? Value(string name) => _form.With(_changes).FirstOrDefault(f => f.Key == name).Value;

    /// <summary>Submits the form with its own token and fields, plus what was typed.</summary>
    public Task<HttpResponseMessage> SubmitAsync(TestBrowser browser) => browser.SubmitAsync(_form, _changes);
}
