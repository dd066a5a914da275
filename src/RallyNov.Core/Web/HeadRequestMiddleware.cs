using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace RallyNov.Core.Web;

/// <summary>
/// HEAD answers exactly like GET, without a body (RFC 9110 §9.3.2), on every route: the request
/// runs as a GET (controllers and minimal endpoints declare GET only) and whatever the endpoint
/// writes is thrown away. Kestrel knows the request is a HEAD and sends no body either way.
/// </summary>
internal sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, original));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(original);
        }
    }
}
