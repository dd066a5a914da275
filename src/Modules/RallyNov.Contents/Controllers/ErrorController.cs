using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace RallyNov.Contents.Controllers;

/// <summary>The tenant's error pages (404, 403, 500...), in French, inside the theme.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("/erreur/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Index(int code)
    {
        // Only real re-executions keep their status; a visitor typing /erreur/500 gets a 404.
        var reexecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var status = reexecuted && code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = status;
        return View("Error", status);
    }
}
