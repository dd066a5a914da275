using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// Reads pages and submits their forms the way a browser does: a form is found on the page it was
/// served with, fields are changed only when the form has them, and what is posted is exactly the
/// form's own content (its antiforgery token, hidden fields, ticked boxes, chosen radio). Cookies are
/// kept by name; redirects are not followed, so each answer can be looked at.
/// </summary>
public sealed class SiteBrowser(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Sent as the Host header when set ("jura.example.org"), to reach a tenant by host name.</summary>
    public string? Host { get; set; }

    public void Dispose() => client.Dispose();

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {Excerpt(html)}");
        return html;
    }

    /// <summary>The form of <paramref name="html"/> whose action ends with <paramref name="actionEnd"/>.</summary>
    public static PageForm Form(string html, string actionEnd)
    {
        var document = Parser.ParseDocument(html);
        var forms = document.Forms.Where(f => (f.GetAttribute("action") ?? "").EndsWith(actionEnd, StringComparison.Ordinal)).ToList();
        Assert.True(forms.Count == 1, $"Expected one form posting to …{actionEnd}, found {forms.Count}.");
        return new PageForm(forms[0]);
    }

    /// <summary>Loads the page and returns its form posting to …<paramref name="actionEnd"/>.</summary>
    public async Task<PageForm> OpenFormAsync(string page, string actionEnd) => Form(await GetPageAsync(page), actionEnd);

    public async Task<HttpResponseMessage> SubmitAsync(PageForm form)
    {
        using var request = new HttpRequestMessage(new HttpMethod(form.Method), form.Action) { Content = form.Content() };
        return await SendAsync(request);
    }

    /// <summary>Signs in through the tenant's login page.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string prefix, string userName, string password)
    {
        var form = await OpenFormAsync(prefix + "/admin/login", "/admin/login");
        return await SubmitAsync(form.Set("UserName", userName).Set("Password", password));
    }

    public static string Excerpt(string html) => html.Length > 600 ? html[..600] : html;

    /// <summary>The decoded text of the page, for "contains" checks on French.</summary>
    public static string Text(string html) => Parser.ParseDocument(html).Body?.TextContent ?? "";

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Host is not null)
        {
            request.Headers.Host = Host;
        }

        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var header in values)
            {
                var pair = header.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    Cookies.Remove(name);
                }
                else
                {
                    Cookies[name] = value;
                }
            }
        }

        return response;
    }
}

/// <summary>A form as it was served: fields can be changed, never invented.</summary>
public sealed class PageForm
{
    private readonly List<Field> _fields = [];
    private readonly Dictionary<string, (string FileName, byte[] Content)> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fileInputs = new(StringComparer.Ordinal);

    internal PageForm(IHtmlFormElement form)
    {
        Action = WebUtility.HtmlDecode(form.GetAttribute("action") ?? "");
        Method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        Multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    _fields.Add(new Field(name, input.GetAttribute("value") ?? "on", input.Type, input.HasAttribute("checked")));
                    break;
                case IHtmlInputElement input when input.Type == "file":
                    _fileInputs.Add(name);
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image":
                    break;
                case IHtmlInputElement input:
                    _fields.Add(new Field(name, input.GetAttribute("value") ?? "", input.Type, true));
                    break;
                case IHtmlTextAreaElement textArea:
                    _fields.Add(new Field(name, textArea.Value, "textarea", true));
                    break;
                case IHtmlSelectElement select:
                    _fields.Add(new Field(name, select.Options.FirstOrDefault(o => o.IsSelected)?.Value ?? (select.Options.Length > 0 ? select.Options[0].Value : null) ?? "", "select", true));
                    break;
            }
        }
    }

    public string Action { get; }

    public string Method { get; }

    public bool Multipart { get; }

    public bool Has(string name) => _fields.Any(f => f.Name == name) || _fileInputs.Contains(name);

    public string? Value(string name) => _fields.FirstOrDefault(f => f.Name == name && f.On)?.Value;

    /// <summary>Types into a text field (or textarea, select); fails when the form has no such field.</summary>
    public PageForm Set(string name, string value)
    {
        var field = _fields.FirstOrDefault(f => f.Name == name && f.Type is not ("checkbox" or "radio"));
        Assert.True(field is not null, $"The form posting to {Action} has no field '{name}'.");
        field.Value = value;
        return this;
    }

    /// <summary>Ticks or unticks a checkbox, or chooses a radio button, by its value.</summary>
    public PageForm Check(string name, string value, bool on = true)
    {
        var field = _fields.FirstOrDefault(f => f.Name == name && f.Value == value && f.Type is "checkbox" or "radio");
        Assert.True(field is not null, $"The form posting to {Action} has no box '{name}' = '{value}'.");
        if (field.Type == "radio")
        {
            foreach (var other in _fields.Where(f => f.Name == name))
            {
                other.On = false;
            }
        }

        field.On = on;
        return this;
    }

    public PageForm Attach(string name, string fileName, byte[] content)
    {
        Assert.True(_fileInputs.Contains(name), $"The form posting to {Action} has no file input '{name}'.");
        _files[name] = (fileName, content);
        return this;
    }

    internal HttpContent Content()
    {
        var values = _fields.Where(f => f.On).Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (!Multipart)
        {
            return new FormUrlEncodedContent(values);
        }

        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, file) in _files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
            content.Add(part, name, file.FileName);
        }

        return content;
    }

    private sealed class Field(string name, string value, string type, bool on)
    {
        public string Name { get; } = name;

        public string Value { get; set; } = value;

        public string Type { get; } = type;

        public bool On { get; set; } = on;
    }
}
