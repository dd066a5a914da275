using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Settings;
using RallyNov.Core.Web;
using RallyNov.Integration.Tests.Media;
using RallyNov.Media.Services;
using RallyNov.Tenants.Management;
using RallyNov.Users.Services;
using Xunit.Abstractions;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// Two sites, A and B, each with its own accounts, content, media and settings. Every endpoint of
/// every module — read from the routing table, so a new endpoint is covered without editing this
/// test — is requested through A with B's ids, slugs and media paths in its route values and query,
/// carrying B's session cookie (under B's cookie name and replayed under A's). No answer may show
/// B's data (a token only B's data holds), serve B's file, or let B's session into A's back office;
/// and nothing of A or B may change. A control walk through B itself proves the values reach real data.
/// </summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantIsolationSuiteTests(TenantsAppFactory app, ITestOutputHelper output)
{
    /// <summary>Only in B's data (titles, texts, alt, tagline, accounts): never sent in a request.</summary>
    private readonly string _secret = "Zq" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A word of B's texts that the walk searches for (echoed by search pages, so not the secret).</summary>
    private const string SearchWord = "ornithorynque";

    [Fact]
    public async Task Every_endpoint_requested_through_A_with_B_values_and_session_never_reveals_B()
    {
        var manager = app.Services.GetRequiredService<ITenantManager>();
        var a = TenantsAppFactory.UniqueName("IsoA");
        var b = TenantsAppFactory.UniqueName("IsoB");
        foreach (var (name, user) in new[] { (a, "a-admin"), (b, "b-admin-" + _secret) })
        {
            await manager.CreateAsync(new TenantCreateRequest
            {
                Name = name,
                DisplayName = "Site " + name,
                UrlPrefix = name.ToLowerInvariant(),
                AdminUserName = user,
                AdminEmail = user + "@example.org",
                AdminPassword = TenantsAppFactory.SiteAdminPassword,
            }, "tests", null, CancellationToken.None);
        }

        var photo = MediaTestSupport.Image(40, 30);
        var values = await FillAsync(b, photo, secret: true);
        await FillAsync(a, MediaTestSupport.Image(20, 20), secret: false);
        var before = (await SnapshotAsync(a), await SnapshotAsync(b));

        // B's session, and a form token of B's back office for the POSTs.
        using var bAdmin = app.Site();
        using (var login = await bAdmin.LoginAsync("/" + b.ToLowerInvariant(), "b-admin-" + _secret, TenantsAppFactory.SiteAdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var bCookie = bAdmin.Cookies.Single(c => c.Key == ".RallyNov.Auth." + b);
        var bToken = SiteBrowser.Form(await bAdmin.GetPageAsync("/" + b.ToLowerInvariant() + "/admin/users/new"), "/admin/users/new").Value("__RequestVerificationToken")!;
        var antiforgery = bAdmin.Cookies.Where(c => c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ToList();

        var endpoints = app.Services.GetRequiredService<EndpointCatalog>().RouteEndpoints.ToList();
        Assert.True(endpoints.Count > 60, $"Only {endpoints.Count} endpoints found: the walk would prove little.");
        var leaks = new List<string>();
        var requests = 0;
        var covered = 0;
        using var client = app.Client();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            var urls = Urls(endpoint.RoutePattern, values).ToList();
            if (urls.Count == 0)
            {
                continue;
            }

            covered++;
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
            {
                foreach (var url in urls)
                {
                    requests++;
                    using var request = new HttpRequestMessage(new HttpMethod(method), "/" + a.ToLowerInvariant() + url);
                    var cookies = new List<string> { $"{bCookie.Key}={bCookie.Value}", $".RallyNov.Auth.{a}={bCookie.Value}" };
                    cookies.AddRange(antiforgery.Select(c => c.Key + "=" + c.Value));
                    request.Headers.Add("Cookie", string.Join("; ", cookies));
                    if (method != "GET")
                    {
                        request.Content = new FormUrlEncodedContent(values.FormFields(bToken));
                    }

                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var text = Encoding.UTF8.GetString(body);
                    var where = $"{method} {request.RequestUri} → {(int)response.StatusCode}";
                    if (text.Contains(_secret, StringComparison.OrdinalIgnoreCase) || (response.Headers.Location?.OriginalString ?? "").Contains(_secret, StringComparison.OrdinalIgnoreCase))
                    {
                        leaks.Add(where + " shows B's data");
                    }

                    if (body.AsSpan().SequenceEqual(photo))
                    {
                        leaks.Add(where + " serves B's file");
                    }

                    // Pages open to everyone (sign-in, forgotten password, links) answer any session; the rest must refuse B's.
                    if (url.StartsWith("/admin", StringComparison.Ordinal) && !anonymous && response.IsSuccessStatusCode)
                    {
                        leaks.Add(where + " accepted B's session in A's back office");
                    }
                }
            }
        }

        output.WriteLine($"{covered} endpoints walked, {requests} requests through {a}.");
        Assert.True(leaks.Count == 0, "Isolation broken:\n" + string.Join("\n", leaks.Take(40)));

        // Nothing was changed on either side by all those POSTs.
        Assert.Equal(before, (await SnapshotAsync(a), await SnapshotAsync(b)));

        // Control: the same values through B itself do reach B's data, so the walk above would have seen a leak.
        var found = 0;
        foreach (var endpoint in endpoints.Where(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET")))
        {
            foreach (var url in Urls(endpoint.RoutePattern, values))
            {
                var page = await (await bAdmin.GetAsync("/" + b.ToLowerInvariant() + url)).Content.ReadAsStringAsync();
                if (page.Contains(_secret, StringComparison.OrdinalIgnoreCase))
                {
                    found++;
                    break;
                }
            }
        }

        output.WriteLine($"Control: {found} endpoints show B's data through B.");
        Assert.True(found >= 15, $"Only {found} endpoints showed B's data through B itself: the values do not reach real data.");
    }

    /// <summary>The URLs of a route with B's values: one per value of its parameters, at most eight.</summary>
    private static IEnumerable<string> Urls(RoutePattern pattern, SiteValues values)
    {
        if (pattern.RawText is null || pattern.RawText.StartsWith("/health", StringComparison.Ordinal))
        {
            return [];
        }

        var candidates = pattern.Parameters.ToDictionary(p => p.Name, p => values.For(p.Name), StringComparer.OrdinalIgnoreCase);
        var count = Math.Min(8, candidates.Count == 0 ? 1 : candidates.Values.Max(c => c.Count));
        var urls = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = new StringBuilder();
            foreach (var segment in pattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternSeparatorPart separator => separator.Content,
                        RoutePatternParameterPart parameter => parameter.IsCatchAll
                            ? candidates[parameter.Name][i % candidates[parameter.Name].Count]
                            : Uri.EscapeDataString(candidates[parameter.Name][i % candidates[parameter.Name].Count]),
                        _ => "",
                    });
                }
            }

            urls.Add((path.Length == 0 ? "/" : path.ToString()) + values.Query(i));
        }

        return urls;
    }

    /// <summary>Content of every type, an image, a draft, settings and accounts; B's texts carry the secret.</summary>
    private async Task<SiteValues> FillAsync(string tenant, byte[] photo, bool secret)
    {
        var mark = secret ? " " + _secret + " " + SearchWord : "";
        var values = new SiteValues { Tenant = tenant };
        await using var scope = app.Scope(tenant);
        var services = scope.ServiceProvider;
        var library = services.GetRequiredService<IMediaLibrary>();
        library.CreateFolder("", "isolation", out _);
        var file = secret ? "b-photo.jpg" : "a-photo.jpg";
        var upload = await library.UploadAsync(new MediaUpload("isolation", file, new MemoryStream(photo), photo.Length, "Photo" + mark, "Titre" + mark, "admin"), CancellationToken.None);
        Assert.True(upload.Succeeded, upload.Error);
        values.MediaPaths.Add(upload.File!.Path);

        var contents = services.GetRequiredService<IContentManager>();
        foreach (var type in new[] { "Initiative", "Laureate", "Event", "Partner", "Page", "News" })
        {
            var item = contents.New(type);
            item.Set("Title", $"{type} de {(secret ? "B" : "A")}{mark}");
            item.Set("Slug", $"{(secret ? "b" : "a")}-{type.ToLowerInvariant()}-isolation");
            item.Set(type == "Partner" ? "Description" : "Summary", "Résumé" + mark);
            if (type == "Event")
            {
                item.Set("Start", "2026-06-01T09:00");
            }
            else if (type == "Laureate")
            {
                item.Set("PrizeYear", 2024);
            }

            var result = await contents.PublishAsync(item, CancellationToken.None);
            Assert.True(result.Succeeded, $"{type}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            values.ContentIds.Add(item.ContentItemId);
            values.VersionIds.Add(result.Item!.ContentItemVersionId);
            values.Slugs.Add(result.Item.Slug!);
        }

        var draft = contents.New("Page");
        draft.Set("Title", "Brouillon" + mark);
        var saved = await contents.SaveDraftAsync(draft, CancellationToken.None);
        values.ContentIds.Add(draft.ContentItemId);
        values.VersionIds.Add(saved.Item!.ContentItemVersionId);

        var settings = services.GetRequiredService<ISiteSettingsService>();
        await settings.SaveAsync("site", new JsonObject { ["tagline"] = "Accroche" + mark }, CancellationToken.None);

        var users = services.GetRequiredService<IUserAdministration>();
        var editor = (secret ? "b-editor-" + _secret : "a-editor").ToLowerInvariant();
        Assert.True((await users.CreateAsync(editor, editor + "@example.org", TenantsAppFactory.UserPassword, ["Editor"], CancellationToken.None)).Succeeded);
        values.UserIds.AddRange((await users.ListAsync(CancellationToken.None)).Select(u => u.Id));
        return values;
    }

    /// <summary>Counts and versions of a site's content, media, accounts and settings.</summary>
    private Task<string> SnapshotAsync(string tenant) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var items = await sp.GetRequiredService<IContentManager>().QueryAsync(new ContentQuery { Status = ContentStatus.Latest, PageSize = 500 }, CancellationToken.None);
            var media = await sp.GetRequiredService<IMediaLibrary>().SearchAsync(null, null, null, 1, 100, CancellationToken.None);
            var users = await sp.GetRequiredService<IUserAdministration>().ListAsync(CancellationToken.None);
            var site = await sp.GetRequiredService<ISiteSettingsService>().GetAsync("site", CancellationToken.None);
            return string.Join("\n",
                string.Join(",", items.Items.Select(i => i.ContentItemVersionId + (i.Published ? "+" : "-") + i.DeletedUtc).Order(StringComparer.Ordinal)),
                string.Join(",", media.Items.Select(m => m.Path + m.Alt)),
                string.Join(",", users.Select(u => $"{u.UserName}:{u.IsDisabled}:{string.Join('/', u.Roles)}").Order(StringComparer.Ordinal)),
                site.ToJsonString());
        });

    /// <summary>B's identifiers, offered to each route parameter by its name.</summary>
    private sealed class SiteValues
    {
        public required string Tenant { get; init; }

        public List<string> ContentIds { get; } = [];

        public List<string> VersionIds { get; } = [];

        public List<string> Slugs { get; } = [];

        public List<string> MediaPaths { get; } = [];

        public List<string> UserIds { get; } = [];

        private IEnumerable<string> Everything => ContentIds.Concat(VersionIds).Concat(Slugs).Concat(MediaPaths).Concat(UserIds).Append(Tenant);

        public IReadOnlyList<string> For(string parameter) => parameter.ToLowerInvariant() switch
        {
            "slug" => Slugs,
            "contentitemid" => ContentIds,
            "versionid" => VersionIds,
            "path" => MediaPaths,
            "type" or "contenttype" => ["Initiative", "Laureate", "Event", "Partner", "Page", "News"],
            "code" => ["404", "403"],
            "name" => [Tenant],
            "id" => [.. ContentIds, .. UserIds],
            _ => [.. Everything],
        };

        /// <summary>A query string naming B's things, for endpoints that read ids, paths or a search from it.</summary>
        public string Query(int i) =>
            $"?q={SearchWord}&id={Uri.EscapeDataString(ContentIds[i % ContentIds.Count])}&path={Uri.EscapeDataString(MediaPaths[0])}&folder=isolation&type=Initiative&toutes=1";

        /// <summary>Form fields of B's kind: its token, ids and texts, for every POST.</summary>
        public IEnumerable<KeyValuePair<string, string>> FormFields(string token) =>
        [
            new("__RequestVerificationToken", token),
            new("contentItemId", ContentIds[0]),
            new("contentItemVersionId", VersionIds[0]),
            new("ids", ContentIds[0]),
            new("path", MediaPaths[0]),
            new("alt", "remplacé"),
            new("f.Title", "remplacé"),
            new("UserName", "intrus"),
            new("Email", "intrus@example.org"),
            new("Password", "Intrus-Passw0rd-1"),
            new("ConfirmPassword", "Intrus-Passw0rd-1"),
            new("grants", "Contributor:ManageUsers"),
        ];
    }
}
