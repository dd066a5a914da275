using System.Collections.Concurrent;
using System.Reflection;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Ganss.Xss;

namespace RallyNov.AdminTheme.Help;

/// <summary>
/// The editor guide (docs/guide-editeur.md and its screenshots) as the back office shows it. The files are
/// embedded in this assembly at build time, so the guide is there whether the site runs with
/// <c>dotnet run</c>, from a published folder or under the tests, and never needs the internet.
/// </summary>
public interface IEditorGuide
{
    /// <summary>The guide as sanitized HTML; its images point at <paramref name="imageBase"/> + file name.</summary>
    string Html(string imageBase);

    /// <summary>The bytes of one screenshot of the guide, or null when there is none of that name.</summary>
    byte[]? Image(string fileName);
}

internal sealed class EditorGuide : IEditorGuide
{
    /// <summary>The folder the Markdown names its images with, relative to docs/ (as GitHub shows them).</summary>
    internal const string ImageFolder = "guide-editeur/";

    private const string MarkdownResource = "EditorGuide/guide-editeur.md";
    private const string ImagePrefix = "EditorGuide/images/";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private readonly Assembly _assembly = typeof(EditorGuide).Assembly;
    private readonly Lazy<string> _markdown;
    private readonly Dictionary<string, string> _images;

    // One rendering per image base (one per tenant prefix): the guide only changes with a new build.
    private readonly ConcurrentDictionary<string, string> _html = new(StringComparer.Ordinal);

    public EditorGuide()
    {
        _markdown = new Lazy<string>(ReadMarkdown);
        _images = _assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ImagePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ImagePrefix.Length..], n => n, StringComparer.Ordinal);
    }

    public string Html(string imageBase) => _html.GetOrAdd(imageBase, Render);

    public byte[]? Image(string fileName)
    {
        if (!_images.TryGetValue(fileName, out var resource))
        {
            return null;
        }

        using var stream = _assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string Render(string imageBase)
    {
        var document = Markdown.Parse(_markdown.Value, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is { } url && url.StartsWith(ImageFolder, StringComparison.Ordinal))
            {
                link.Url = imageBase + Uri.EscapeDataString(url[ImageFolder.Length..]);
            }

            // A screenshot shrinks to the text column: a click shows it at full size.
            if (link.IsImage && link.Parent is not LinkInline { IsImage: false })
            {
                var enlarge = new LinkInline(link.Url ?? "", "");
                link.ReplaceBy(enlarge, copyChildren: false);
                enlarge.AppendChild(link);
            }
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        // Markdig already escapes raw HTML (DisableHtml); the sanitizer is the second lock, as for rich text.
        return Sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>
    /// The rich-text rules (http, https and mailto links only; no forms, no style) plus the headings' ids, which
    /// the table of contents links to (the shared rich-text sanitizer drops ids on purpose: editors' text must
    /// not clash with the page's own).
    /// </summary>
    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        foreach (var tag in new[] { "form", "input", "button", "select", "textarea" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        return sanitizer;
    }

    private string ReadMarkdown()
    {
        using var stream = _assembly.GetManifestResourceStream(MarkdownResource)
            ?? throw new InvalidOperationException($"The editor guide is not embedded in {_assembly.GetName().Name} ({MarkdownResource}).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
