using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace RallyNov.Core.Web;

/// <summary>
/// Every <c>&lt;form method="post"&gt;</c> carries its antiforgery token, whatever way its action is
/// written. ASP.NET's own form tag helper adds the token only when it builds the action itself
/// (<c>asp-action</c>...): a form with a plain <c>action="@Url.Content(...)"</c> — the natural way to
/// post to a tenant-relative URL — gets none, and the global antiforgery filter then answers 400 in
/// every browser. This helper runs after it and adds the token wherever it is still missing, so no
/// view has to remember <c>asp-antiforgery</c> or <c>@Html.AntiForgeryToken()</c>. Active in every
/// view folder that imports <c>@addTagHelper *, RallyNov.Core</c> (each module's
/// <c>Areas/Admin/Views/_ViewImports.cshtml</c>); an explicit <c>asp-antiforgery="false"</c> opts out.
/// </summary>
[HtmlTargetElement("form")]
public sealed class AntiforgeryFormTagHelper(IAntiforgery antiforgery) : TagHelper
{
    public const string TokenFieldName = "__RequestVerificationToken";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>After the framework's form helpers (order 0), which may have added the token already.</summary>
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!IsPost(context, output) || OptedOut(context))
        {
            return;
        }

        // The token belongs to this visitor: a page holding one is never stored in the shared cache.
        Caching.OutputCacheHints.DoNotStore(ViewContext.HttpContext);

        if (Contains(output.PreContent.GetContent()) || Contains(output.PostContent.GetContent()))
        {
            return;
        }

        var content = output.Content.IsModified ? output.Content.GetContent() : (await output.GetChildContentAsync()).GetContent();
        if (Contains(content))
        {
            return;
        }

        output.PostContent.AppendHtml(antiforgery.GetHtml(ViewContext.HttpContext));
    }

    /// <summary>The method as rendered (the form helper writes "post" for asp-action forms), else as written.</summary>
    private static bool IsPost(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes.TryGetAttribute("method", out var rendered) ? rendered.Value
            : context.AllAttributes.TryGetAttribute("method", out var written) ? written.Value
            : null;
        return string.Equals(method?.ToString()?.Trim(), "post", StringComparison.OrdinalIgnoreCase);
    }

    private static bool OptedOut(TagHelperContext context) =>
        context.AllAttributes.TryGetAttribute("asp-antiforgery", out var attribute)
        && string.Equals(attribute.Value?.ToString(), "false", StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string html) => html.Contains(TokenFieldName, StringComparison.Ordinal);
}
