using RallyNov.Core.Text;

namespace RallyNov.Core.Tests.Text;

/// <summary>Rich text and Markdown that would cost the server minutes of CPU are refused before they are parsed.</summary>
public sealed class HtmlLimitsTests
{
    [Theory]
    [InlineData("<p>Une <strong>épicerie</strong></p><ul><li>a<li>b<li>c</ul>", 2, null)] // <li> closes the previous one
    [InlineData("<p>a<br>b<img src=x alt=y><hr></p>", 1, null)] // void elements nest nothing
    [InlineData("<script>if (a < b) { '<b><b><b>' }</script><p>x</p>", 1, null)] // raw text is not markup
    [InlineData("<!-- <b><b><b> --><p>x</p>", 1, null)]
    [InlineData("<b title='>'><i>x</i></b>", 2, null)] // a ">" in a quoted value ends nothing
    public void Measure_counts_nesting_as_the_parser_builds_it(string html, int depth, HtmlComplexity? problem)
    {
        var measure = HtmlCleaner.Measure(html);

        Assert.Equal(depth, measure.Depth);
        Assert.Equal(problem, measure.Problem);
    }

    [Theory]
    [InlineData("<b>", HtmlComplexity.TooDeep)]
    [InlineData("<b></i>", HtmlComplexity.TooDeep)] // a stray end tag closes nothing
    [InlineData("<b '>", HtmlComplexity.TooDeep)] // a quote outside a value hides nothing
    [InlineData("<div><span>", HtmlComplexity.TooDeep)]
    public void Deep_nesting_is_found_however_it_is_written(string repeated, HtmlComplexity expected)
    {
        var html = string.Concat(Enumerable.Repeat(repeated, HtmlLimits.MaxDepth + 1)) + "x";

        Assert.Equal(expected, HtmlCleaner.Measure(html).Problem);
        var refused = Assert.Throws<HtmlTooComplexException>(() => HtmlCleaner.Sanitize(html));
        Assert.Equal(expected, refused.Problem);
    }

    [Fact]
    public void Size_and_element_count_are_bounded()
    {
        Assert.Equal(HtmlComplexity.TooLong, HtmlCleaner.Measure(new string('a', HtmlLimits.MaxLength + 1)).Problem);
        Assert.Equal(HtmlComplexity.TooManyElements, HtmlCleaner.Measure(string.Concat(Enumerable.Repeat("<br>", HtmlLimits.MaxElements + 1))).Problem);
        Assert.Null(HtmlCleaner.Measure(string.Concat(Enumerable.Repeat("<p>x</p>", HtmlLimits.MaxElements))).Problem);
    }

    [Fact]
    public void Sanitizing_stops_when_the_request_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => HtmlCleaner.Sanitize("<p>Une page ordinaire</p>", cancelled.Token));
        Assert.Equal("<p>Une page ordinaire</p>", HtmlCleaner.Sanitize("<p>Une page ordinaire</p>", CancellationToken.None));
    }

    [Fact]
    public void Markdown_nested_too_deeply_is_refused_for_saving_and_shown_as_text_on_display()
    {
        var nested = new string('>', 1024) + " citation <script>";

        Assert.False(MarkdownRenderer.TryToHtml(nested, CancellationToken.None, out _, out var problem));
        Assert.Contains("imbrique trop", problem, StringComparison.Ordinal);
        var shown = MarkdownRenderer.ToHtml(nested);
        Assert.StartsWith("<p>&gt;&gt;", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Titre\u000b avec tabulation verticale", "Titre avec tabulation verticale")]
    [InlineData("a\u0000b\u001fc\ufffed", "abcd")]
    [InlineData("ligne\r\n\tsuite", "ligne\r\n\tsuite")]
    [InlineData("emoji 🌻 gardé", "emoji 🌻 gardé")]
    public void Characters_xml_forbids_are_stripped(string input, string expected) =>
        Assert.Equal(expected, XmlText.Strip(input));

    [Fact]
    public void A_lone_surrogate_is_stripped_and_a_pair_kept()
    {
        var lone = "moitié " + (char)0xD800 + " de paire";

        Assert.Equal("moitié  de paire", XmlText.Strip(lone));
        Assert.False(XmlText.IsValid(lone));
        Assert.True(XmlText.IsValid("🌻"));
    }
}
