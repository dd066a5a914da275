using System.Globalization;

namespace RallyNov.Core.Text;

/// <summary>File sizes as French readers write them: "350 Ko", "2,5 Mo".</summary>
public static class FileSizes
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string InFrench(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("0.#", French) + " Mo"
        : Math.Ceiling(bytes / 1024d).ToString("0", French) + " Ko";
}
