using RallyNov.AdminTheme.Help;

namespace RallyNov.Modules.Tests.AdminTheme;

/// <summary>The guide as embedded in the AdminTheme assembly: what the « Aide » page renders and serves.</summary>
public sealed class EditorGuideTests
{
    private readonly EditorGuide _guide = new();

    [Fact]
    public void The_guide_renders_with_anchored_headings_and_pictures_under_the_given_base()
    {
        var html = _guide.Html("/bourgogne/admin/aide/images/");

        Assert.Contains("<h1 id=\"guide-de-léditeur\">Guide de l'éditeur</h1>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"se-connecter\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#se-connecter\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/bourgogne/admin/aide/images/connexion.png\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("guide-editeur/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_picture_the_guide_shows_is_embedded_and_nothing_else_is_served()
    {
        var html = _guide.Html("/i/");
        var names = System.Text.RegularExpressions.Regex.Matches(html, "<img src=\"/i/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.True(names.Count >= 10, "fewer than 10 pictures in the guide");
        Assert.All(names, name => Assert.True(_guide.Image(name) is { Length: > 8 } png && png[1] == (byte)'P', name + " is not an embedded PNG"));
        Assert.Null(_guide.Image("../guide-editeur.md"));
        Assert.Null(_guide.Image("inconnue.png"));
        Assert.Null(_guide.Image("EditorGuide/guide-editeur.md"));
    }
}
