using RallyNov.Media.Data;
using RallyNov.Media.Services;

namespace RallyNov.Media.Admin;

public sealed record MediaIndexViewModel(MediaFolderListing Listing, long MaxUploadBytes)
{
    /// <summary>("Médiathèque", ""), ("photos", "photos"), ("2023", "photos/2023")...</summary>
    public IReadOnlyList<(string Name, string Folder)> Breadcrumb
    {
        get
        {
            var crumbs = new List<(string, string)> { ("Médiathèque", "") };
            var path = "";
            foreach (var segment in Listing.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                path = path.Length == 0 ? segment : path + "/" + segment;
                crumbs.Add((segment, path));
            }

            return crumbs;
        }
    }
}

public sealed record MediaEditViewModel(MediaFile File, string? Error);

public sealed record MediaDeleteViewModel(MediaFile File, IReadOnlyList<MediaUsage> Usages);
