using Microsoft.Extensions.Options;
using RallyNov.Core.Media;
using RallyNov.Core.Modules;
using RallyNov.Core.Tenants;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Services;

/// <summary>The media library seen from the content editor: images only, into the library's root folder.</summary>
internal sealed class MediaUploads(IMediaLibrary library, ModuleCatalog catalog, TenantContext tenant, IOptions<MediaOptions> options) : IMediaUploads
{
    public bool IsAvailable => catalog.IsEnabled(tenant.Settings, MediaModule.ModuleId);

    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public async Task<MediaUploadOutcome> UploadImageAsync(MediaUploadRequest request, CancellationToken cancellationToken)
    {
        var result = await library.UploadAsync(
            new MediaUpload("", request.FileName, request.Content, request.Length, request.Alt, null, request.UploadedBy, MediaKinds.ImagesFor(request.AllowSvg)),
            cancellationToken);
        return result.Succeeded ? new MediaUploadOutcome(result.File!.Path, null, result.Notice) : new MediaUploadOutcome(null, result.Error);
    }
}
