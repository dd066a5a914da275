using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RallyNov.Core.Web;

/// <summary>
/// A body over its limit (413), too slow to arrive (408) or malformed (400) used to end on the
/// "page introuvable" page: the exception is turned into its status code, with the body set
/// aside, so the status code pages render the tenant's French page without reading it again.
/// </summary>
internal sealed class RequestBodyErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // An error page (re-executed for a 4xx/5xx) never reads the body of the request that failed.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            SetBodyAside(context);
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            SetBodyAside(context);
            context.Response.Clear();
            context.Response.StatusCode = ex.StatusCode;
        }
    }

    private static void SetBodyAside(HttpContext context)
    {
        context.Request.Body = Stream.Null;
        context.Request.ContentLength = 0;
        context.Request.ContentType = null;
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
    }
}
