using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

using Microsoft.AspNetCore.Http;

namespace RallyNov.Core.Web;

/// <summary>
/// Reads a posted form before the antiforgery check does. Antiforgery turns any failure to read
/// the body into "invalid token" (400); read here first, a body over its limit or arriving too
/// slowly surfaces as itself and <see cref="RequestBodyErrorMiddleware"/> answers 413 or 408.
/// Runs after the size-limit filters (order 900), before antiforgery (1000); the form is kept
/// for everything after.
/// </summary>
internal sealed class FormFirstFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // Malformed (a NUL in a value, a broken multipart boundary): the French 400 page.
                context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
            }
        }
    }
}
