using Microsoft.AspNetCore.Builder;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace RallyNov.Core.Web;

/// <summary>
/// The security headers of every answer (pages, files, errors, JSON), from
/// NetEscapades.AspNetCore.SecurityHeaders. No page of the site has inline script or style
/// (scripts and styles are files of the themes and modules), so the content security policy
/// allows only the site's own files: no nonce is needed, and injected markup cannot run.
/// </summary>
internal static class SecurityHeadersSetup
{
    /// <summary>The policy of an SVG file the media library serves: nothing in it may run or load.</summary>
    public const string SvgContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    /// <summary>
    /// Pages get <see cref="Policy"/>; an SVG answer gets the same headers with its own CSP. The
    /// selector runs when the answer starts, so it sees the content type the endpoint chose —
    /// a header set by the endpoint itself would be overwritten by the page policy.
    /// </summary>
    public static void Configure(SecurityHeaderPolicyBuilder builder)
    {
        var page = Policy();
        var svg = Common().AddCustomHeader("Content-Security-Policy", SvgContentSecurityPolicy);
        builder.SetDefaultPolicy(page)
            .AddPolicy("svg", svg)
            .SetPolicySelector(context =>
                context.HttpContext.Response.ContentType?.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase) == true
                    ? svg
                    : context.SelectedPolicy);
    }

    public static HeaderPolicyCollection Policy() => Common().WithPageCsp();

    private static HeaderPolicyCollection Common() =>
        new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            // Neither the back office nor the public site is meant to be shown inside another site.
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            // Over https only (what the forwarded headers tell behind a proxy).
            .AddStrictTransportSecurityMaxAge()
            .RemoveServerHeader();

    private static HeaderPolicyCollection WithPageCsp(this HeaderPolicyCollection policy) =>
        policy.AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                // Rich text may show pictures from other sites (the sanitizer keeps http and https sources).
                csp.AddImgSrc().Self().From("https:");
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                // A video in rich text is a preview until the visitor clicks it; the player it then
                // opens comes from YouTube, Vimeo, Dailymotion or any PeerTube instance (VideoLinks).
                csp.AddFrameSrc().From("https:");
                csp.AddFrameAncestors().None();
            });
}
