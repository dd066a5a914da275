using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RallyNov.Core.Web;

/// <summary>
/// The server side of "antiforgery on every back-office form", for minimal-API endpoints. MVC
/// actions are covered by the global <c>AutoValidateAntiforgeryToken</c> filter; a minimal endpoint
/// is only checked by ASP.NET when it binds a form, so a module's <c>MapPost("/admin/...")</c> that
/// reads nothing (or JSON) would accept a forged request. Every unsafe endpoint a module maps under
/// /admin therefore requires a valid token and answers 400 without one, like the MVC actions.
/// </summary>
internal static class AdminAntiforgery
{
    public static void RequireForAdminWrites(IEndpointConventionBuilder group) => group.Add(endpoint =>
    {
        if (endpoint is not RouteEndpointBuilder route || !IsAdmin(route.RoutePattern.RawText) || !IsUnsafe(endpoint))
        {
            return;
        }

        endpoint.Metadata.Add(new RequireAntiforgeryTokenAttribute());
        endpoint.FilterFactories.Add((_, next) => async invocation =>
        {
            var http = invocation.HttpContext;
            var validated = http.Features.Get<IAntiforgeryValidationFeature>();
            var valid = validated?.IsValid ?? await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
            return valid ? await next(invocation) : Results.StatusCode(StatusCodes.Status400BadRequest);
        });
    });

    internal static bool IsAdmin(string? pattern)
    {
        var path = (pattern ?? "").TrimStart('/');
        return path.Equals("admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("admin/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Any method but GET, HEAD, OPTIONS and TRACE; an endpoint without method metadata answers every method.</summary>
    private static bool IsUnsafe(EndpointBuilder endpoint)
    {
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
        return methods is not { Count: > 0 }
            || methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m) && !HttpMethods.IsTrace(m));
    }
}
