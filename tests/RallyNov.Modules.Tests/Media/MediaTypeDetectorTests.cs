using System.Text;
using RallyNov.Media.Storage;

namespace RallyNov.Modules.Tests.Media;

public sealed class MediaTypeDetectorTests
{
    public static TheoryData<string, MediaKind> Signatures => new()
    {
        { "FFD8FFE000104A464946", MediaKind.Jpeg },
        { "FFD8FFE1", MediaKind.Jpeg },
        { "89504E470D0A1A0A0000000D49484452", MediaKind.Png },
        { "474946383961", MediaKind.Gif },
        { "474946383761", MediaKind.Gif },
        { "524946462400000057454250565038", MediaKind.WebP },
        { "255044462D312E37", MediaKind.Pdf },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Detects_each_accepted_type_from_its_first_bytes(string hex, MediaKind expected) =>
        Assert.Equal(expected, MediaTypeDetector.Detect(Convert.FromHexString(hex)));

    [Theory]
    [InlineData("<?php echo shell_exec($_GET['c']); ?>")]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("<html><body>photo</body></html>")]
    [InlineData("MZ\u0090\u0000 executable")]
    [InlineData("PK\u0003\u0004 zip archive")]
    public void Refuses_scripts_and_documents_whatever_their_name(string content) =>
        Assert.Equal(MediaKind.Unknown, MediaTypeDetector.Detect(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Riff_that_is_not_webp_is_unknown() =>
        Assert.Equal(MediaKind.Unknown, MediaTypeDetector.Detect(Encoding.ASCII.GetBytes("RIFF\u0024\0\0\0WAVEfmt ")));

    [Fact]
    public void Truncated_signatures_are_unknown()
    {
        Assert.Equal(MediaKind.Unknown, MediaTypeDetector.Detect([0xFF, 0xD8]));
        Assert.Equal(MediaKind.Unknown, MediaTypeDetector.Detect([0x89, 0x50, 0x4E, 0x47]));
        Assert.Equal(MediaKind.Unknown, MediaTypeDetector.Detect(Encoding.ASCII.GetBytes("GIF8")));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE svg><svg></svg>")]
    [InlineData("\uFEFF  \n<svg width=\"10\"/>")]
    [InlineData("<!-- Généré par Inkscape, un long commentaire avant le dessin -->\n<svg/>")]
    [InlineData("<?xml version=\"1.0\"?><rss/>")]
    public void Xml_that_may_be_an_svg_goes_to_the_svg_sanitizer(string content) =>
        Assert.Equal(MediaKind.Svg, MediaTypeDetector.Detect(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Empty_file_is_empty() => Assert.Equal(MediaKind.Empty, MediaTypeDetector.Detect([]));

    [Fact]
    public async Task Reads_the_header_from_a_stream_in_pieces()
    {
        await using var stream = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);
        Assert.Equal(MediaKind.Png, await MediaTypeDetector.DetectAsync(stream, CancellationToken.None));
        await using var empty = new MemoryStream();
        Assert.Equal(MediaKind.Empty, await MediaTypeDetector.DetectAsync(empty, CancellationToken.None));
    }

    [Fact]
    public void Accepted_kinds_have_an_extension_and_a_content_type_refused_ones_none()
    {
        foreach (var kind in new[] { MediaKind.Jpeg, MediaKind.Png, MediaKind.Gif, MediaKind.WebP, MediaKind.Pdf, MediaKind.Svg })
        {
            Assert.NotNull(MediaKinds.ExtensionOf(kind));
            Assert.Equal(kind, MediaKinds.FromExtension("x" + MediaKinds.ExtensionOf(kind)));
            Assert.Equal(kind, MediaKinds.FromContentType(MediaKinds.ContentTypeOf(kind)!));
        }

        Assert.Equal("image/svg+xml", MediaKinds.ContentTypeOf(MediaKind.Svg));
        Assert.Null(MediaKinds.ExtensionOf(MediaKind.Unknown));
        Assert.Equal(MediaKind.Unknown, MediaKinds.FromExtension("page.html"));
    }

    [Fact]
    public void Photo_fields_take_bitmaps_logo_fields_svg_too_and_never_a_pdf()
    {
        Assert.Equal(MediaKinds.Raster, MediaKinds.Parse("images"));
        Assert.True(MediaKinds.Parse("images,svg")!.SetEquals([MediaKind.Jpeg, MediaKind.Png, MediaKind.Gif, MediaKind.WebP, MediaKind.Svg]));
        Assert.Null(MediaKinds.Parse("pdf"));
        Assert.Contains("Les images SVG ne sont pas acceptées ici", MediaKinds.Refusal(MediaKind.Svg, MediaKinds.Raster), StringComparison.Ordinal);
        Assert.Contains("une image JPEG, PNG, WebP, GIF ou SVG", MediaKinds.Refusal(MediaKind.Pdf, MediaKinds.ImagesFor(allowSvg: true)), StringComparison.Ordinal);
    }
}
