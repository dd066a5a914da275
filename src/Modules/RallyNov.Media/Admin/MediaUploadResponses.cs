using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Media.Services;
using RallyNov.Media.Storage;

namespace RallyNov.Media.Admin;

/// <summary>What an upload answers: JSON for the page scripts, French flash messages for a plain form.</summary>
internal static class MediaUploadResponses
{
    /// <summary>The scripts ask for JSON; a browser posting the form without them asks for HTML.</summary>
    public static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));

    public static object Stored(IUrlHelper url, MediaUploadResult result)
    {
        var file = result.File!;
        var kind = MediaKinds.FromContentType(file.ContentType);
        return new
        {
            ok = true,
            path = file.Path,
            url = MediaUrls.Of(url, file.Path),
            thumb = MediaKinds.HasVariants(kind) ? MediaUrls.Of(url, file.Path, 160) : null,
            name = file.FileName,
            alt = file.Alt,
            isImage = file.IsImage,
            kind = kind.ToString().ToLowerInvariant(),
            width = file.Width,
            height = file.Height,
            message = $"« {file.FileName} » a été ajouté à la médiathèque." + (result.Notice is null ? "" : " " + result.Notice),
            notice = result.Notice,
        };
    }

    public static IActionResult Refused(string error, int status = StatusCodes.Status400BadRequest) =>
        new JsonResult(new { ok = false, error }) { StatusCode = status };

    /// <summary>"« a.png » a été ajouté à la médiathèque." or "3 fichiers ajoutés à la médiathèque : a.png, b.png, c.pdf."</summary>
    public static string? Summary(IReadOnlyList<MediaUploadResult> stored)
    {
        if (stored.Count == 0)
        {
            return null;
        }

        var notices = string.Concat(stored.Where(r => r.Notice is not null).Select(r => $" « {r.File!.FileName} » : {r.Notice}"));
        return stored.Count == 1
            ? $"« {stored[0].File!.FileName} » a été ajouté à la médiathèque." + notices
            : $"{stored.Count} fichiers ajoutés à la médiathèque : {string.Join(", ", stored.Select(r => r.File!.FileName))}." + notices;
    }
}
