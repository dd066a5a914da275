using RallyNov.Search.Lucene.CommandLine;

namespace RallyNov.Modules.Tests.Search;

/// <summary>The realistic benchmark corpus: Zipf frequencies, the reports' sentences mixed in, lengths, determinism.</summary>
public sealed class RealisticTextTests
{
    private const string Report = """
        # Rencontre régionale

        Le 26 septembre 2023, la Rencontre de l'innovation sociale s'est tenue à **Dijon** avec 143 personnes.
        Des représentants d'entreprises sont venus témoigner de la semaine de 4 jours, vidéo [ici](#).

        **15** Nouvelles Innovations Sociales

        La seconde a accueilli 70 participants dans les locaux de Juratri, acteurs socioéconomiques et institution-
        nels réunis pour parler des conditions favorables.
        """;

    // 5 000 made-up words: the ranking is only about how often each is drawn.
    private static readonly string[] Words = Enumerable.Range(0, 5000).Select(i => "mot" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static RealisticText Text(int seed = 7) => RealisticText.Create(Words, [Report], ["Une phrase du recueil sur les circuits courts."], seed);

    [Fact]
    public void The_reports_sentences_are_cut_and_cleaned()
    {
        var sentences = RealisticText.Sentences(Report).ToList();

        Assert.Equal(
            [
                "Le 26 septembre 2023, la Rencontre de l'innovation sociale s'est tenue à Dijon avec 143 personnes.",
                "Des représentants d'entreprises sont venus témoigner de la semaine de 4 jours, vidéo ici.",
                "La seconde a accueilli 70 participants dans les locaux de Juratri, acteurs socioéconomiques et institutionnels réunis pour parler des conditions favorables.",
            ],
            sentences); // headings and figures dropped, a word cut at a line end mended, Markdown marks gone
    }

    [Fact]
    public void Words_follow_a_zipf_law_with_function_words_first()
    {
        var text = Text();
        var random = new Random(1);
        var counts = new Dictionary<int, int>();
        const int draws = 300_000;
        for (var i = 0; i < draws; i++)
        {
            var (_, rank) = text.Word(random);
            counts[rank] = counts.GetValueOrDefault(rank) + 1;
        }

        // P(rank r) = 1 / ((r + 1) × H(n)): the first word ≈ 10 times as frequent as the tenth, 100 times the hundredth.
        var harmonic = Enumerable.Range(1, text.VocabularySize).Sum(r => 1.0 / r);
        Assert.InRange(counts[0], draws / harmonic * 0.95, draws / harmonic * 1.05);
        Assert.InRange(counts[0] / (double)counts[9], 8.5, 11.5);
        Assert.InRange(counts[0] / (double)counts.GetValueOrDefault(99, 1), 70, 140);
        Assert.Equal("de", text.WordAt(0));
        Assert.StartsWith("mot", text.WordAt(100));
        Assert.True(counts.Count > 3000, $"only {counts.Count} distinct words drawn: the tail is missing");
    }

    [Fact]
    public void A_fifth_of_the_sentences_are_the_reports_and_the_rest_have_realistic_lengths()
    {
        var text = Text();
        var real = RealisticText.Sentences(Report).ToHashSet(StringComparer.Ordinal);
        var random = new Random(3);
        var sentences = Enumerable.Range(0, 10_000).Select(_ => text.Sentence(random)).ToList();

        var share = sentences.Count(real.Contains) / (double)sentences.Count;
        Assert.InRange(share, RealisticText.RealShare - 0.02, RealisticText.RealShare + 0.02);
        Assert.InRange(sentences.Count(s => s.StartsWith("Une phrase du recueil", StringComparison.Ordinal)) / (double)sentences.Count, 0.03, 0.07);

        var drawn = sentences.Where(s => !real.Contains(s) && !s.StartsWith("Une phrase du recueil", StringComparison.Ordinal))
            .Select(s => s.Split(' ').Length).Order().ToList();
        Assert.InRange(drawn[drawn.Count / 2], 14, 18); // median 16 words
        Assert.InRange(drawn[0], 3, 6); // elisions ("d'atelier") join two words
        Assert.InRange(drawn[^1], 30, 50);
        Assert.All(sentences, s => Assert.True(char.IsUpper(s[0]) && s.EndsWith('.'), s));
    }

    [Fact]
    public void Bodies_have_a_log_normal_number_of_sentences_and_summaries_keep_their_limit()
    {
        var text = Text();
        var random = new Random(5);
        var lengths = Enumerable.Range(0, 2000)
            .Select(_ => text.Paragraphs(random).Sum(p => p.Count(c => c == '.')))
            .Order().ToList();

        Assert.InRange(lengths[lengths.Count / 2], 7, 12); // median 9 sentences
        Assert.True(lengths[0] >= 2 && lengths[^1] <= 80, $"{lengths[0]}..{lengths[^1]}");
        Assert.True(lengths[^1] >= 25, "no long bodies");
        Assert.All(Enumerable.Range(0, 500).Select(_ => text.Summary(random, 300)), s => Assert.True(s.Length <= 300, s));
    }

    [Fact]
    public void The_same_seed_gives_the_same_text()
    {
        string Sample(int seed)
        {
            var (text, random) = (Text(seed), new Random(11));
            return string.Join('|', Enumerable.Range(0, 50).Select(_ => text.Sentence(random)));
        }

        Assert.Equal(Sample(7), Sample(7));
        Assert.NotEqual(Sample(7), Sample(8)); // the seed also orders the vocabulary
    }
}
