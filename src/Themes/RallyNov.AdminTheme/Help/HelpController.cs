using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Security;

namespace RallyNov.AdminTheme.Help;

/// <summary>« Aide » in the back-office header: the editor guide, for everyone who may enter the back office.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed class HelpController(IEditorGuide guide) : Controller
{
    [HttpGet("/admin/aide")]
    public IActionResult Index() =>
        View(new HelpViewModel(guide.Html(Request.PathBase + "/admin/aide/images/")));

    [HttpGet("/admin/aide/images/{fileName}")]
    public IActionResult Image(string fileName)
    {
        if (guide.Image(fileName) is not { } bytes)
        {
            return NotFound();
        }

        // Private: the back office is behind a sign-in. A day is enough, the images change with a new version only.
        Response.Headers.CacheControl = "private, max-age=86400";
        return File(bytes, "image/png");
    }
}

public sealed record HelpViewModel(string Html);
