using RallyNov.Core.Text;

namespace RallyNov.Core.Tests.Text;

public sealed class SlugHelperTests
{
    [Theory]
    [InlineData("Épicerie solidaire", "epicerie-solidaire")]
    [InlineData("L'œuvre d'Ævar", "l-oeuvre-d-aevar")]
    [InlineData("ŒUVRES & Cie", "oeuvres-cie")]
    [InlineData("Franche-Comté — 2023", "franche-comte-2023")]
    [InlineData("  Bonjour,   le  monde !!! ", "bonjour-le-monde")]
    [InlineData("--Déjà--vu--", "deja-vu")]
    [InlineData("Straße", "strasse")]
    [InlineData("Noël à Besançon", "noel-a-besancon")]
    [InlineData("Prix 2014 : lauréats", "prix-2014-laureats")]
    [InlineData("épicerie-solidaire", "epicerie-solidaire")]
    [InlineData("!!!", "")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Slugify_folds_accents_and_collapses_punctuation(string? text, string expected)
    {
        Assert.Equal(expected, SlugHelper.Slugify(text));
    }

    [Fact]
    public void Slugify_cuts_at_max_length()
    {
        var slug = SlugHelper.Slugify(new string('a', 300));

        Assert.Equal(SlugHelper.MaxLength, slug.Length);
    }

    [Fact]
    public void Slugify_never_ends_with_a_dash_after_cutting()
    {
        // The dash would fall exactly on the last allowed character.
        var text = new string('a', SlugHelper.MaxLength - 1) + " bcd";

        var slug = SlugHelper.Slugify(text);

        Assert.Equal(new string('a', SlugHelper.MaxLength - 1), slug);
        Assert.True(SlugHelper.IsValid(slug));
    }

    [Theory]
    [InlineData("epicerie-solidaire", true)]
    [InlineData("2023", true)]
    [InlineData("Epicerie", false)]
    [InlineData("epicerie--solidaire", false)]
    [InlineData("-epicerie", false)]
    [InlineData("épicerie", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_accepts_only_slugify_output(string? slug, bool expected)
    {
        Assert.Equal(expected, SlugHelper.IsValid(slug));
    }

    [Fact]
    public void IsValid_refuses_a_slug_longer_than_max()
    {
        Assert.False(SlugHelper.IsValid(new string('a', SlugHelper.MaxLength + 1)));
    }

    [Fact]
    public void FoldToAscii_keeps_punctuation_and_lowercases()
    {
        Assert.Equal("l'oeuvre d'aevar, ete", SlugHelper.FoldToAscii("L'Œuvre d'Ævar, Été"));
    }
}
