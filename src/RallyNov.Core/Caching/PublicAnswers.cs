using Microsoft.AspNetCore.Http;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>Which requests get a shared answer (cache, validators), and which are someone's own.</summary>
internal static class PublicAnswers
{
    // The back office and previews are personal; media and theme files have their own validators.
    private static readonly string[] Excluded = ["/admin", "/media", "/_content", "/health"];

    /// <summary>A GET (HEAD runs as one) of a public route of a running tenant.</summary>
    public static bool IsCandidate(HttpContext context, out TenantContext tenant)
    {
        tenant = null!;
        if (!HttpMethods.IsGet(context.Request.Method) || context.RequestServices.GetService(typeof(ITenantAccessor)) is not ITenantAccessor { Current: { } current })
        {
            return false;
        }

        var path = context.Request.Path;
        foreach (var prefix in Excluded)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        tenant = current;
        return true;
    }

    /// <summary>
    /// Signed in to this tenant (its auth cookie, possibly split in chunks) or sending credentials:
    /// the answer may show what only this person sees, so it is neither served from nor stored in
    /// the shared cache. Cookies of other tenants (the portal's, whose path covers every prefix)
    /// change nothing here.
    /// </summary>
    public static bool IsPersonal(HttpContext context, TenantContext tenant)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("Authorization"))
        {
            return true;
        }

        if (request.Headers.Cookie.Count == 0)
        {
            return false;
        }

        var name = tenant.AuthCookieName;
        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key.StartsWith(name, StringComparison.Ordinal) && IsChunkSuffix(cookie.Key.AsSpan(name.Length)))
            {
                return true;
            }
        }

        return false;
    }

    // "" (the cookie itself) or "C1", "C2"... (the chunks of a large ticket).
    private static bool IsChunkSuffix(ReadOnlySpan<char> rest) =>
        rest.IsEmpty || (rest.Length > 1 && rest[0] == 'C' && !rest[1..].ContainsAnyExceptInRange('0', '9'));
}
