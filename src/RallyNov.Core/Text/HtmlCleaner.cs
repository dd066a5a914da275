using AngleSharp;
using AngleSharp.Css.Parser;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace RallyNov.Core.Text;

/// <summary>
/// The one place rich text is sanitized: scripts, event handlers and javascript: URLs go,
/// editorial markup stays. Shared because HtmlSanitizer is thread-safe once configured.
/// </summary>
/// <remarks>
/// The HTML parser's cost grows with nesting (a body of nested <c>&lt;b&gt;</c> cost minutes of
/// CPU), so every input is measured first in one linear pass (<see cref="Measure"/>) and refused
/// beyond <see cref="HtmlLimits"/>; what passes is then sanitized under a time budget, checked
/// for every token parsed and every node kept, that also stops when the request is cancelled.
/// </remarks>
public static class HtmlCleaner
{
    [ThreadStatic]
    private static Budget? _budget;

    private static readonly IConfiguration ParserConfiguration = Configuration.Default.WithCss(new CssParserOptions
    {
        IsIncludingUnknownDeclarations = true,
        IsIncludingUnknownRules = true,
        IsToleratingInvalidSelectors = true,
    });

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>Sanitizes within the default limits and budget; throws <see cref="HtmlTooComplexException"/> beyond them.</summary>
    public static string Sanitize(string? html) => Sanitize(html, CancellationToken.None);

    /// <exception cref="HtmlTooComplexException">Too long, too deep, too many elements, or over the time budget.</exception>
    /// <exception cref="OperationCanceledException">The request was cancelled meanwhile.</exception>
    public static string Sanitize(string? html, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (Measure(html).Problem is { } problem)
        {
            throw new HtmlTooComplexException(problem);
        }

        var previous = _budget;
        _budget = new Budget(HtmlLimits.TimeBudget, cancellationToken);
        try
        {
            return Sanitizer.Sanitize(html).Trim();
        }
        finally
        {
            _budget = previous;
        }
    }

    /// <summary>
    /// Size, element count and nesting depth of an HTML fragment in one pass, without building a
    /// tree; stops as soon as a limit is passed. Nesting is counted as the HTML parser would see
    /// it, at least: an end tag closes only an open element of its name, so stray end tags do not
    /// hide unclosed elements.
    /// </summary>
    public static HtmlMeasure Measure(string html) => HtmlMeasure.Of(html);

    /// <summary>The visible text of an HTML fragment (for validation and search).</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var builder = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        var text = System.Net.WebUtility.HtmlDecode(builder.ToString());
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer
        {
            HtmlParserFactory = () => new HtmlParser(
                new HtmlParserOptions
                {
                    // Beyond this the parser attaches elements as siblings: a last guard for the tree walks.
                    MaximumDepth = HtmlLimits.MaxDepth * 2,
                    OnToken = (_, _) => _budget?.Check(),
                },
                BrowsingContext.New(ParserConfiguration)),
        };
        sanitizer.PostProcessNode += (_, _) => _budget?.Check();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();

        // Editing state copied from the editor must not be stored.
        sanitizer.AllowedAttributes.Remove("contenteditable");
        sanitizer.AllowedAttributes.Remove("draggable");
        sanitizer.AllowedAttributes.Remove("dropzone");

        // Responsive images and video placeholders, each value checked by RichTextRules.
        foreach (var attribute in RichTextRules.ExtraAttributes)
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }

        sanitizer.PostProcessNode += (_, e) => RichTextRules.Apply(e.Node);
        return sanitizer;
    }

    /// <summary>A deadline and a cancellation token, checked often and cheaply.</summary>
    private sealed class Budget(TimeSpan allowed, CancellationToken cancellationToken)
    {
        private readonly long _deadline = Environment.TickCount64 + (long)allowed.TotalMilliseconds;

        public void Check()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Environment.TickCount64 > _deadline)
            {
                throw new HtmlTooComplexException(HtmlComplexity.TooSlow);
            }
        }
    }
}

/// <summary>What rich text may be, at most: far above any real article, far below what costs the server.</summary>
public static class HtmlLimits
{
    /// <summary>Characters of HTML in one field (an article of 30 000 words is about 250 000).</summary>
    public const int MaxLength = 300_000;

    /// <summary>Elements in one field.</summary>
    public const int MaxElements = 10_000;

    /// <summary>Elements nested in one another (editorial text rarely passes 10).</summary>
    public const int MaxDepth = 64;

    /// <summary>Time one sanitization may take before it is refused.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(2);
}

public enum HtmlComplexity
{
    TooLong,
    TooManyElements,
    TooDeep,
    TooSlow,
}

/// <summary>Rich text refused before or during sanitizing; <see cref="Exception.Message"/> is French, for the editor.</summary>
public sealed class HtmlTooComplexException : Exception
{
    public HtmlTooComplexException()
        : this(HtmlComplexity.TooSlow)
    {
    }

    public HtmlTooComplexException(string message)
        : base(message)
    {
    }

    public HtmlTooComplexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HtmlTooComplexException(HtmlComplexity problem)
        : base(Describe(problem))
    {
        Problem = problem;
    }

    public HtmlComplexity Problem { get; }

    /// <summary>The French reason, to follow a field's name ("« Contenu » " + reason).</summary>
    public static string Describe(HtmlComplexity problem) => problem switch
    {
        HtmlComplexity.TooLong => $"est trop long : {French(HtmlLimits.MaxLength)} caractères de HTML au maximum. Découpez-le en plusieurs contenus.",
        HtmlComplexity.TooManyElements => $"contient trop d'éléments de mise en forme ({French(HtmlLimits.MaxElements)} au maximum). Découpez-le en plusieurs contenus.",
        HtmlComplexity.TooDeep => $"imbrique trop de mises en forme les unes dans les autres ({HtmlLimits.MaxDepth} niveaux au maximum). Simplifiez la mise en forme, par exemple en collant le texte sans sa mise en forme.",
        _ => "est trop complexe pour être vérifié à temps. Simplifiez sa mise en forme.",
    };

    // "300 000" with a plain space: the French group separator (U+202F) would be written as an entity.
    private static string French(int number) => number.ToString("#,0", new System.Globalization.NumberFormatInfo { NumberGroupSeparator = " " });
}
