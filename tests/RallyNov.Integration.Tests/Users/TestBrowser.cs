using System.Net;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Users;

/// <summary>
/// An HTTP client that keeps cookies by name by hand (no automatic redirects), so tests can look
/// at, copy and forge cookies, and submit the forms of the pages it loads (each with its own token).
/// </summary>
public sealed class TestBrowser(HttpClient client) : IDisposable
{
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Raw Set-Cookie headers of the last response.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public void Dispose() => client.Dispose();

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await SendAsync(request);
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Loads <paramref name="formPage"/>, finds its form posting to <paramref name="action"/> and submits
    /// it as a browser would: the form's own fields and token, with <paramref name="fields"/> typed in
    /// (each name given replaces that name's values). Fails when the page has no such form or the form
    /// carries no antiforgery token — what a person would meet as a 400.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields, IReadOnlyList<FormFile>? files = null)
    {
        var changes = fields.ToList();
        var form = HtmlForm.Find(await GetPageAsync(formPage), formPage, action, changes);
        return await SubmitAsync(form, changes, files);
    }

    /// <summary>Submits a form already read from a page (for instance the page a previous post answered).</summary>
    /// <remarks><paramref name="accept"/>: what the page's script asks for when it sends the form itself (application/json).</remarks>
    public async Task<HttpResponseMessage> SubmitAsync(HtmlForm form, IEnumerable<KeyValuePair<string, string>> fields, IReadOnlyList<FormFile>? files = null, string? accept = null)
    {
        Assert.True(form.Method == "post", $"The form for {form.Action} is not a POST form.");
        Assert.True(form.Token is not null, $"The form posting to {form.Action} carries no antiforgery token: a browser would get a 400.\n{form.Html}");
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = form.Body(form.With(fields), files) };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await SendAsync(request);
    }

    /// <summary>
    /// A request that no page offers this user — the permission tests' forged posts (a hidden button,
    /// another user's item). It carries the session's antiforgery token, read from
    /// <paramref name="tokenPage"/> (any page the user may open), so that only the permission check
    /// can refuse it. Never use it for a form the user has: submit that form with SubmitAsync.
    /// </summary>
    public async Task<HttpResponseMessage> ForgedPostAsync(string tokenPage, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = HtmlForm.All(await GetPageAsync(tokenPage), tokenPage).Select(f => f.Token).FirstOrDefault(t => t is not null);
        Assert.True(token is not null, $"No antiforgery token on {tokenPage}.");
        return await PostAsync(path, [.. fields, new(HtmlForm.TokenField, token)]);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> LoginAsync(string prefix, string userName, string password, string? returnUrl = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("UserName", userName), new("Password", password) };
        if (returnUrl is not null)
        {
            fields.Add(new("ReturnUrl", returnUrl));
        }

        return await SubmitAsync(prefix + "/admin/login", prefix + "/admin/login", fields);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
        }

        var response = await client.SendAsync(request);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        foreach (var header in LastSetCookies)
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

        return response;
    }
}
