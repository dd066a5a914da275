using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Admin;

/// <summary>
/// Every form of the back office, found by walking the admin routes of every module from the
/// endpoint data source (no list of pages to keep up to date): each GET page under /admin is
/// rendered with real values for its parameters (<see cref="AdminSamples"/>), and each
/// <c>&lt;form method="post"&gt;</c> it shows must carry its antiforgery token. Every POST under /admin
/// must refuse a request without one.
/// </summary>
public sealed class AdminFormsTests(AdminFormsFactory app) : IClassFixture<AdminFormsFactory>
{
    [Theory]
    [InlineData("Default", "")]
    [InlineData("Bourgogne", "/bourgogne")]
    [InlineData("FrancheComte", "/franche-comte")]
    public async Task Every_post_form_of_every_admin_page_carries_its_antiforgery_token(string tenant, string prefix)
    {
        var samples = await AdminSamples.CreateAsync(app.Services, tenant);
        using var anonymous = app.Browser();
        using var browser = app.Browser();
        using (var login = await browser.LoginAsync(prefix, "admin", SharedSiteFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var missing = new List<string>();
        var unreached = new List<string>();
        var postForms = 0;
        var pages = 0;
        foreach (var route in AdminRoutes(HttpMethods.Get, tenant))
        {
            var reached = false;
            foreach (var url in Urls(route, samples))
            {
                // Signed in as administrator; the pages meant for visitors (sign-in) as a visitor.
                var response = await browser.GetAsync(prefix + url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    response.Dispose();
                    response = await anonymous.GetAsync(prefix + url);
                }

                using var _ = response;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                reached = true;
                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                pages++;
                foreach (var form in HtmlForm.All(await response.Content.ReadAsStringAsync(), prefix + url).Where(f => f.Method == "post"))
                {
                    postForms++;
                    if (form.Token is null)
                    {
                        missing.Add($"{prefix}{url}: <form> posting to {form.Action}");
                    }
                }
            }

            if (!reached)
            {
                unreached.Add(route.RoutePattern.RawText!);
            }
        }

        Assert.True(missing.Count == 0, "POST forms without an antiforgery token:\n" + string.Join("\n", missing.Distinct()));
        Assert.True(unreached.Count == 0, "Admin pages that never answered 200 (add a sample value for their parameters in AdminSamples):\n" + string.Join("\n", unreached));

        // The walk really went through the back office: every module's pages, their forms.
        Assert.True(pages >= 40, $"only {pages} admin pages rendered");
        Assert.True(postForms >= 60, $"only {postForms} POST forms seen");
    }

    [Fact]
    public async Task Every_admin_post_refuses_a_request_without_an_antiforgery_token()
    {
        var samples = await AdminSamples.CreateAsync(app.Services, "Bourgogne");
        using var browser = app.Browser();
        using (var login = await browser.LoginAsync("/bourgogne", "admin", SharedSiteFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var accepted = new List<string>();
        var routes = AdminRoutes(HttpMethods.Post, "Bourgogne").ToList();
        foreach (var route in routes)
        {
            var url = Urls(route, samples).First();
            using var response = await browser.PostAsync("/bourgogne" + url, []);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                accepted.Add($"POST /bourgogne{url} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Admin POSTs that did not refuse a missing token:\n" + string.Join("\n", accepted));
        Assert.True(routes.Count >= 20, $"only {routes.Count} admin POST routes found");
    }

    /// <summary>
    /// The routes under /admin that answer <paramref name="method"/>, MVC actions and minimal endpoints
    /// alike, of the modules enabled in <paramref name="tenant"/> (the others answer 404 there, as they should).
    /// </summary>
    private IEnumerable<RouteEndpoint> AdminRoutes(string method, string tenant)
    {
        var catalog = app.Services.GetRequiredService<ModuleCatalog>();
        var settings = app.Services.GetRequiredService<ITenantStore>().Find(tenant)!;
        return app.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => IsAdmin(e.RoutePattern.RawText))
            .Where(e => e.Metadata.GetMetadata<ModuleEndpointMetadata>() is not { } module || catalog.IsEnabled(settings, module.ModuleId))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods || methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            .GroupBy(e => e.RoutePattern.RawText)
            .Select(g => g.First())
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal);
    }

    private static bool IsAdmin(string? pattern) =>
        pattern is not null && (pattern.TrimStart('/') == "admin" || pattern.TrimStart('/').StartsWith("admin/", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The URLs to try for a route: each combination of sample values for its route parameters;
    /// then, for each query parameter of its action with samples, one URL per value.
    /// </summary>
    private static IEnumerable<string> Urls(RouteEndpoint route, AdminSamples samples)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in route.RoutePattern.PathSegments)
        {
            var choices = new List<string> { "" };
            foreach (var part in segment.Parts)
            {
                choices = part switch
                {
                    RoutePatternLiteralPart literal => choices.Select(c => c + literal.Content).ToList(),
                    RoutePatternParameterPart parameter => choices.SelectMany(c => samples.For(parameter.Name).DefaultIfEmpty("inconnu").Select(v => c + Uri.EscapeDataString(v))).ToList(),
                    _ => choices,
                };
            }

            paths = paths.SelectMany(p => choices.Select(c => p + "/" + c)).ToList();
        }

        foreach (var path in paths)
        {
            yield return path;
            foreach (var name in QueryParameters(route))
            {
                foreach (var value in samples.For(name))
                {
                    yield return path + "?" + name + "=" + Uri.EscapeDataString(value);
                }
            }
        }
    }

    /// <summary>Names an MVC action reads from the query string (its simple parameters, or a [FromQuery] object's properties).</summary>
    private static IEnumerable<string> QueryParameters(RouteEndpoint route)
    {
        if (route.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            yield break;
        }

        var routeNames = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (source is not null && source != BindingSource.Query && source != BindingSource.ModelBinding)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type == typeof(string) || type.IsPrimitive || type.IsEnum)
            {
                if (!routeNames.Contains(parameter.Name))
                {
                    yield return parameter.BindingInfo?.BinderModelName ?? parameter.Name;
                }
            }
            else if (source == BindingSource.Query && type.IsClass)
            {
                foreach (var property in type.GetProperties().Where(p => p.CanWrite))
                {
                    yield return property.Name;
                }
            }
        }
    }
}

/// <summary>The walk's own site: the three tenants with their sample content.</summary>
public sealed class AdminFormsFactory() : SharedSiteFactory("rallynov-admin-forms");
