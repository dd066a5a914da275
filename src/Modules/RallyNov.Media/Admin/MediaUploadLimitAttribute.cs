using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RallyNov.Media.Services;

namespace RallyNov.Media.Admin;

/// <summary>
/// Request body limits of the upload action from RallyNov:Media:MaxUploadBytes ([RequestSizeLimit]
/// only takes a constant). It runs as an authorization filter ordered before antiforgery
/// validation, which is the first thing that reads the form. A request announcing a body far over
/// the limit is sent back with the French message before a byte is read (otherwise the server would
/// cut it and the editor would see a bare error page); a little room is left above the limit so a
/// file slightly too large reaches the action and gets the same message.
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
        new Filter(serviceProvider.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes, serviceProvider.GetRequiredService<ITempDataDictionaryFactory>());

    private sealed class Filter(long maxUpload, ITempDataDictionaryFactory tempData) : IAuthorizationFilter, IOrderedFilter
    {
        private readonly long _limit = maxUpload + Overhead;

        public int Order => 900;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (http.Request.ContentLength > _limit)
            {
                var error = $"Le fichier est trop volumineux : {MediaLibrary.FormatSize(http.Request.ContentLength.Value)} pour {MediaLibrary.FormatSize(maxUpload)} au maximum.";
                if (MediaUploadResponses.WantsJson(http.Request))
                {
                    context.Result = MediaUploadResponses.Refused(error, StatusCodes.Status413PayloadTooLarge);
                    return;
                }

                var messages = tempData.GetTempData(http);
                messages["Error"] = error;
                // Result filters (which save TempData) do not run after an authorization filter's result.
                messages.Save();
                context.Result = new LocalRedirectResult(http.Request.PathBase + "/admin/media");
                return;
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = _limit;
            }

            if (http.Features.Get<IFormFeature>()?.Form is null)
            {
                http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = _limit }));
            }
        }
    }
}
