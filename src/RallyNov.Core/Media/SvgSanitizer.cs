using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace RallyNov.Core.Media;

/// <summary>The defences of <see cref="SvgSanitizer"/>, one flag each, so tests can show what each one stops.</summary>
[Flags]
internal enum SvgRules
{
    None = 0,

    /// <summary>Only the drawing elements of <see cref="SvgAllowList.Elements"/> in the SVG namespace stay.</summary>
    Elements = 1,

    /// <summary>Only the attributes of <see cref="SvgAllowList.Attributes"/> stay (no on*, no xml:base).</summary>
    Attributes = 2,

    /// <summary>href/xlink:href only to "#id"; url(…) in attributes only to "#id"; no javascript:/data: values.</summary>
    References = 4,

    /// <summary>&lt;style&gt; elements and style attributes without @import, outside url(…), escapes or expressions.</summary>
    StyleSheets = 8,

    /// <summary>Processing instructions (xml-stylesheet) and comments are dropped.</summary>
    ProcessingInstructions = 16,

    /// <summary>Entities are never expanded: a document that uses one is refused.</summary>
    Entities = 32,

    All = Elements | Attributes | References | StyleSheets | ProcessingInstructions | Entities,
}

/// <summary>
/// The SVG cleaner: XML parsed without DTD processing or resolver, walked once, written again in
/// UTF-8 without DOCTYPE, comments or processing instructions. See <see cref="ISvgSanitizer"/>.
/// </summary>
internal sealed partial class SvgSanitizer : ISvgSanitizer
{
    /// <summary>Far above a logo or a map, far below what costs the server.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxElements = 50_000;

    public const int MaxDepth = 100;

    private static readonly XNamespace Svg = SvgAllowList.SvgNamespace;
    private static readonly XNamespace XLink = SvgAllowList.XLinkNamespace;

    private readonly SvgRules _rules;

    public SvgSanitizer()
        : this(SvgRules.All)
    {
    }

    internal SvgSanitizer(SvgRules rules) => _rules = rules;

    public SvgSanitizeResult Sanitize(ReadOnlySpan<byte> svg)
    {
        if (svg.Length > MaxBytes)
        {
            return SvgSanitizeResult.Refused($"Ce fichier SVG est trop volumineux pour être vérifié ({MaxBytes / 1024 / 1024} Mo au maximum). Simplifiez-le ou envoyez-le en PNG.");
        }

        var removed = new Removals();
        XDocument document;
        try
        {
            document = Parse(svg.ToArray(), removed);
        }
        catch (XmlException ex) when (IsEntityProblem(ex))
        {
            return SvgSanitizeResult.Refused("Ce fichier SVG utilise des entités XML (déclarées dans un DOCTYPE) : elles sont refusées par sécurité. Réexportez-le en « SVG simple » ou « SVG optimisé » depuis votre logiciel de dessin.");
        }
        catch (XmlException ex)
        {
            return SvgSanitizeResult.Refused(
                $"Ce fichier SVG est mal formé (ligne {ex.LineNumber.ToString(CultureInfo.InvariantCulture)}, colonne {ex.LinePosition.ToString(CultureInfo.InvariantCulture)}) : il ne peut pas être vérifié. Réexportez-le depuis votre logiciel de dessin.");
        }

        var root = document.Root!;
        if (root.Name.LocalName != "svg" || (root.Name.Namespace != Svg && root.Name.Namespace != XNamespace.None))
        {
            return SvgSanitizeResult.Refused($"Ce fichier n'est pas une image SVG : son élément principal est « {root.Name.LocalName} » au lieu de « svg ».");
        }

        if (root.Name.Namespace == XNamespace.None)
        {
            // Hand-written files often forget xmlns; browsers then refuse to draw them as images.
            foreach (var element in root.DescendantsAndSelf().Where(e => e.Name.Namespace == XNamespace.None))
            {
                element.Name = Svg + element.Name.LocalName;
            }
        }

        var count = 0;
        var problem = Clean(root, 1, ref count, removed);
        if (problem is not null)
        {
            return SvgSanitizeResult.Refused(problem);
        }

        if (!root.Descendants().Any(e => e.Name.Namespace == Svg && SvgAllowList.Drawing.Contains(e.Name.LocalName)))
        {
            return SvgSanitizeResult.Refused("Après nettoyage, il ne reste rien à dessiner dans ce fichier SVG"
                + (removed.Count > 0 ? $" (retiré par sécurité : {string.Join(", ", removed.Describe())})" : "")
                + ". S'il ne fait qu'envelopper une image PNG ou JPEG, envoyez plutôt cette image.");
        }

        Declarations(root);
        return new SvgSanitizeResult(Write(document), null, removed.Describe());
    }

    private XDocument Parse(byte[] bytes, Removals removed)
    {
        var settings = new XmlReaderSettings
        {
            // Ignore: a DOCTYPE is skipped without reading its subset, so nothing is ever fetched or
            // expanded; a reference to one of its entities then fails, and the document is refused.
            DtdProcessing = _rules.HasFlag(SvgRules.Entities) ? DtdProcessing.Ignore : DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = _rules.HasFlag(SvgRules.Entities) ? 1 : 0,
            MaxCharactersInDocument = MaxBytes * 2L,
            IgnoreComments = _rules.HasFlag(SvgRules.ProcessingInstructions),
            IgnoreProcessingInstructions = false,
        };
        if (_rules.HasFlag(SvgRules.Entities) && ContainsDoctype(bytes))
        {
            removed.Add("déclaration DOCTYPE", "déclarations DOCTYPE");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        var document = XDocument.Load(reader);
        document.DocumentType?.Remove();
        if (_rules.HasFlag(SvgRules.ProcessingInstructions))
        {
            foreach (var instruction in document.DescendantNodes().OfType<XProcessingInstruction>().ToList())
            {
                removed.Add("instruction de traitement (" + instruction.Target + ")", "instructions de traitement");
                instruction.Remove();
            }
        }

        return document;
    }

    /// <summary>Cleans an element of the SVG namespace in place; returns a French refusal when the document is too large or deep.</summary>
    private string? Clean(XElement element, int depth, ref int count, Removals removed)
    {
        if (++count > MaxElements)
        {
            return $"Ce fichier SVG contient trop d'éléments ({MaxElements.ToString("#,0", CultureInfo.GetCultureInfo("fr-FR"))} au maximum) pour être vérifié. Simplifiez-le ou envoyez-le en PNG.";
        }

        if (depth > MaxDepth)
        {
            return $"Ce fichier SVG imbrique trop d'éléments ({MaxDepth} niveaux au maximum) pour être vérifié.";
        }

        CleanAttributes(element, removed);
        if (element.Name == Svg + "style")
        {
            CleanStyleElement(element, removed);
            return null;
        }

        foreach (var child in element.Nodes().ToList())
        {
            switch (child)
            {
                case XElement inner when !KeepElement(inner, removed):
                    inner.Remove();
                    break;
                case XElement inner:
                {
                    var problem = Clean(inner, depth + 1, ref count, removed);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    if (_rules.HasFlag(SvgRules.References) && SvgAllowList.ReferenceElements.Contains(inner.Name.LocalName) && Reference(inner) is null)
                    {
                        inner.Remove();
                    }

                    break;
                }

                case XComment comment when _rules.HasFlag(SvgRules.ProcessingInstructions):
                    comment.Remove();
                    break;
            }
        }

        return null;
    }

    private bool KeepElement(XElement element, Removals removed)
    {
        if (!_rules.HasFlag(SvgRules.Elements))
        {
            return true;
        }

        if (element.Name.Namespace == Svg && SvgAllowList.Elements.Contains(element.Name.LocalName))
        {
            return true;
        }

        if (SvgAllowList.Reported.TryGetValue(element.Name.LocalName, out var words))
        {
            removed.Add(words.One, words.Many);
        }
        else if (element.Name.Namespace == SvgAllowList.XhtmlNamespace)
        {
            removed.Add("élément HTML", "éléments HTML");
        }

        return false;
    }

    private void CleanAttributes(XElement element, Removals removed)
    {
        foreach (var attribute in element.Attributes().ToList())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                // Declarations are written again at the end, for the namespaces still used.
                attribute.Remove();
                continue;
            }

            var name = attribute.Name;
            var isHref = name == XLink + "href" || name == "href";
            if (isHref)
            {
                if (_rules.HasFlag(SvgRules.References) && !IsInternalReference(attribute.Value))
                {
                    removed.Add("référence externe", "références externes");
                    attribute.Remove();
                }

                continue;
            }

            if (_rules.HasFlag(SvgRules.Attributes) && !AllowedAttribute(name))
            {
                if (name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    removed.Add("attribut d'événement (" + name.LocalName + ")", "attributs d'événement (" + name.LocalName + "…)");
                }
                else if (name.LocalName == "base")
                {
                    removed.Add("référence externe", "références externes");
                }

                attribute.Remove();
                continue;
            }

            if (_rules.HasFlag(SvgRules.StyleSheets) && name == "style" && UnsafeCss(attribute.Value))
            {
                removed.Add("style avec une adresse externe", "styles avec une adresse externe");
                attribute.Remove();
                continue;
            }

            if (_rules.HasFlag(SvgRules.References) && name != "style" && UnsafeValue(attribute.Value))
            {
                removed.Add("référence externe", "références externes");
                attribute.Remove();
            }
        }
    }

    private void CleanStyleElement(XElement style, Removals removed)
    {
        // A style sheet is only text: anything else inside (elements, comments) is dropped.
        var css = string.Concat(style.Nodes().OfType<XText>().Select(t => t.Value));
        if (_rules.HasFlag(SvgRules.StyleSheets) && UnsafeCss(css))
        {
            removed.Add("feuille de style avec une adresse externe ou un @import", "feuilles de style avec une adresse externe ou un @import");
            style.Remove();
            return;
        }

        style.ReplaceNodes(new XCData(css.Replace("]]>", "]] >", StringComparison.Ordinal)));
    }

    private static bool AllowedAttribute(XName name) =>
        name.Namespace == XNamespace.None ? SvgAllowList.Attributes.Contains(name.LocalName)
        : name.Namespace == XNamespace.Xml && SvgAllowList.XmlAttributes.Contains(name.LocalName);

    /// <summary>"#logo": a fragment of this document only.</summary>
    private static bool IsInternalReference(string value) => InternalReference().IsMatch(value.Trim());

    private static XAttribute? Reference(XElement element) => element.Attribute(XLink + "href") ?? element.Attribute("href");

    /// <summary>A url(…) that is not "#id", or a script/data scheme anywhere in the value.</summary>
    private static bool UnsafeValue(string value)
    {
        var compact = Compact(value);
        if (compact.Contains("javascript:", StringComparison.Ordinal) || compact.Contains("vbscript:", StringComparison.Ordinal) || compact.Contains("data:", StringComparison.Ordinal))
        {
            return true;
        }

        return UrlFunction().Matches(value).Any(m => !IsInternalReference(m.Groups["target"].Value.Trim().Trim('"', '\'')))
            // "url(" written in a way the pattern above cannot read (unbalanced, escaped) is refused too.
            || compact.Split("url(").Length - 1 != UrlFunction().Count(value);
    }

    private static bool UnsafeCss(string css)
    {
        var compact = Compact(css);
        return compact.Contains('\\', StringComparison.Ordinal) // escapes can spell url( or expression( in disguise
            || compact.Contains("@import", StringComparison.Ordinal)
            || compact.Contains("expression(", StringComparison.Ordinal)
            || compact.Contains("behavior:", StringComparison.Ordinal)
            || compact.Contains("-moz-binding", StringComparison.Ordinal)
            || compact.Contains("image-set(", StringComparison.Ordinal)
            || UnsafeValue(css);
    }

    /// <summary>Lower case without white space or control characters, the way a parser might glue them.</summary>
    private static string Compact(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Declares the SVG namespace as default and xlink only when an attribute still uses it.</summary>
    private static void Declarations(XElement root)
    {
        root.Add(new XAttribute("xmlns", Svg.NamespaceName));
        if (root.DescendantsAndSelf().Attributes().Any(a => a.Name.Namespace == XLink))
        {
            root.Add(new XAttribute(XNamespace.Xmlns + "xlink", XLink.NamespaceName));
        }
    }

    private static byte[] Write(XDocument document)
    {
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(output, settings))
        {
            document.Declaration = new XDeclaration("1.0", "utf-8", null);
            document.Save(writer);
        }

        return output.ToArray();
    }

    private static bool ContainsDoctype(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        return head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
    }

    // The reader's messages are localised; the entity failures are those of undeclared references
    // (the DTD was skipped) or of the expansion limit.
    private static bool IsEntityProblem(XmlException ex) =>
        ex.Message.Contains("entit", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("DTD", StringComparison.Ordinal);

    [GeneratedRegex(@"^#[A-Za-z_][A-Za-z0-9_.:\-]*$")]
    private static partial Regex InternalReference();

    [GeneratedRegex(@"url\(\s*(?<target>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlFunction();

    /// <summary>What was removed, counted by kind, in French.</summary>
    private sealed class Removals
    {
        private readonly Dictionary<string, (int Count, string Many)> _counts = new(StringComparer.Ordinal);
        private readonly List<string> _order = [];

        public int Count => _counts.Count;

        public void Add(string one, string many)
        {
            if (_counts.TryGetValue(one, out var existing))
            {
                _counts[one] = (existing.Count + 1, many);
            }
            else
            {
                _counts[one] = (1, many);
                _order.Add(one);
            }
        }

        public IReadOnlyList<string> Describe() =>
            _order.Select(one => _counts[one] is var (count, many) && count == 1 ? "1 " + one : count.ToString(CultureInfo.InvariantCulture) + " " + many).ToList();
    }
}
