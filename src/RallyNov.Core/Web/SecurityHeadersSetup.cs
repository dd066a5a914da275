using Microsoft.AspNetCore.Builder;

namespace RallyNov.Core.Web;

/// <summary>
/// The security headers of every answer (pages, files, errors, JSON), from
/// NetEscapades.AspNetCore.SecurityHeaders. No page of the site has inline script or style
/// (scripts and styles are files of the themes and modules), so the content security policy
/// allows only the site's own files: no nonce is needed, and injected markup cannot run.
/// </summary>
internal static class SecurityHeadersSetup
{
    public static HeaderPolicyCollection Policy() =>
        new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            // Neither the back office nor the public site is meant to be shown inside another site.
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(policy => policy.SameOrigin())
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            // Over https only (what the forwarded headers tell behind a proxy).
            .AddStrictTransportSecurityMaxAge()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
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
                csp.AddFrameAncestors().None();
            });
}
