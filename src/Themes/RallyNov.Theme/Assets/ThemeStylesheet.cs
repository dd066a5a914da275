using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RallyNov.Core.Settings;

namespace RallyNov.Theme.Assets;

/// <summary>
/// The one stylesheet of the public site: the tenant's colours (custom properties computed from
/// its identity) followed by site.css, served as /assets/site-{hash}.css. One file means one
/// render-blocking request; the hash in the name lets browsers keep it for a year, and no inline
/// style is needed for the colours (a strict Content-Security-Policy stays possible).
/// </summary>
public sealed class ThemeStylesheet
{
    private readonly ConcurrentDictionary<string, (string Hash, byte[] Css)> _byColors = new(StringComparer.Ordinal);
    private readonly Lazy<string> _baseCss = new(ReadBaseCss);

    public (string Hash, byte[] Css) For(SiteIdentity identity) =>
        _byColors.GetOrAdd(identity.PrimaryColor + identity.AccentColor, _ =>
        {
            var css = Encoding.UTF8.GetBytes(Variables(identity.PrimaryColor, identity.AccentColor) + _baseCss.Value);
            return (Convert.ToHexString(SHA256.HashData(css))[..16].ToLowerInvariant(), css);
        });

    /// <summary>Tenant-relative URL of the stylesheet ("/assets/site-….css").</summary>
    public string PathFor(SiteIdentity identity) => "/assets/site-" + For(identity).Hash + ".css";

    private static string Variables(string primary, string accent)
    {
        var brand = Rgb.Parse(primary);
        var accentRgb = Rgb.Parse(accent);
        var ink = Rgb.Parse("#1d2433");
        var onBrand = Rgb.Contrast(brand, Rgb.White) >= 4.5 ? Rgb.White : ink;
        var onAccent = Rgb.Contrast(accentRgb, Rgb.White) >= 4.5 ? Rgb.White : ink;
        var builder = new StringBuilder(":root{");
        Add(builder, "brand", brand);
        Add(builder, "brand-dark", brand.Mix(Rgb.Black, 0.35));
        Add(builder, "brand-deep", brand.Mix(Rgb.Black, 0.6));
        Add(builder, "brand-soft", brand.Mix(Rgb.White, 0.92));
        Add(builder, "brand-tint", brand.Mix(Rgb.White, 0.78));
        Add(builder, "on-brand", onBrand);
        Add(builder, "accent", accentRgb);
        Add(builder, "accent-dark", accentRgb.Mix(Rgb.Black, 0.25));
        Add(builder, "accent-soft", accentRgb.Mix(Rgb.White, 0.9));
        Add(builder, "on-accent", onAccent);
        builder.Append("}\n");
        return builder.ToString();
    }

    private static void Add(StringBuilder builder, string name, Rgb color) => builder.Append("--").Append(name).Append(':').Append(color.ToHex()).Append(';');

    private static string ReadBaseCss()
    {
        using var stream = typeof(ThemeStylesheet).Assembly.GetManifestResourceStream("RallyNov.Theme.site.css")
            ?? throw new InvalidOperationException("site.css is not embedded in RallyNov.Theme.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private readonly record struct Rgb(double R, double G, double B)
    {
        public static readonly Rgb White = new(255, 255, 255);
        public static readonly Rgb Black = new(0, 0, 0);

        public static Rgb Parse(string hex) => new(
            int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

        public Rgb Mix(Rgb other, double amount) => new(R + ((other.R - R) * amount), G + ((other.G - G) * amount), B + ((other.B - B) * amount));

        public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{(int)Math.Round(R):x2}{(int)Math.Round(G):x2}{(int)Math.Round(B):x2}");

        /// <summary>WCAG 2 contrast ratio.</summary>
        public static double Contrast(Rgb a, Rgb b)
        {
            var (la, lb) = (a.Luminance(), b.Luminance());
            return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
        }

        private double Luminance() => (0.2126 * Channel(R)) + (0.7152 * Channel(G)) + (0.0722 * Channel(B));

        private static double Channel(double value)
        {
            var c = value / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
    }
}
