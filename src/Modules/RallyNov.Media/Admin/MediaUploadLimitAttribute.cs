using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RallyNov.Media.Admin;

/// <summary>
/// Request body limits of the upload action from RallyNov:Media:MaxUploadBytes ([RequestSizeLimit]
/// only takes a constant). It runs as an authorization filter ordered before antiforgery
/// validation, which is the first thing that reads the form. A little room is left above the
/// limit so that a file slightly too large reaches the action and gets the French message.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MediaUploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    /// <summary>Room for the other form fields and the multipart boundaries.</summary>
    public const long Overhead = 1024 * 1024;

    // AutoValidateAntiforgeryTokenAttribute has order 1000.
    public int Order => 900;

    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new Filter(serviceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes + Overhead);

    private sealed class Filter(long limit) : IAuthorizationFilter, IOrderedFilter
    {
        public int Order => 900;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var features = context.HttpContext.Features;
            if (features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (features.Get<IFormFeature>()?.Form is null)
            {
                features.Set<IFormFeature>(new FormFeature(context.HttpContext.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            }
        }
    }
}
