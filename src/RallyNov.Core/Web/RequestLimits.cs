namespace RallyNov.Core.Web;

/// <summary>
/// How large a request body may be. Every request gets <see cref="DefaultBody"/> (set on Kestrel);
/// a form that needs more says so with <c>[RequestSizeLimit(RequestLimits.X)]</c>. A body over the
/// limit, or one arriving too slowly, gets the tenant's French 413 / 408 page.
/// </summary>
public static class RequestLimits
{
    /// <summary>Any request: far above every back-office form but the editor and the uploads.</summary>
    public const long DefaultBody = 1024 * 1024;

    /// <summary>The content editor: a long article (rich text is 300 000 characters at most, URL-encoded) and its fields.</summary>
    public const long ContentForm = 4 * 1024 * 1024;

    /// <summary>One posted form value of the content editor.</summary>
    public const int ContentFormValue = 2 * 1024 * 1024;

    /// <summary>The sign-in and password forms.</summary>
    public const long SignInForm = 32 * 1024;

    /// <summary>The Markdown preview of the editor.</summary>
    public const long Preview = 512 * 1024;
}
