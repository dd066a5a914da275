using System.Text;
using System.Text.RegularExpressions;
using RallyNov.Core.Hosting;

namespace RallyNov.Search.Lucene.CommandLine;

/// <summary>
/// French text with the statistics of a real corpus, for search benchmarks: words drawn from a
/// word list (Debian's <c>wfrench</c>, 346 000 forms) with a Zipf distribution of frequencies
/// (the word of rank r is drawn with a probability ∝ 1/r), the commonest French function words
/// first, shorter words likelier among the frequent ones; sentence and document lengths drawn
/// from log-normal laws around those of the network's own pages; and real sentences of the seed
/// reports mixed in, with the topical sentences of the phrase bank, so the network's vocabulary
/// has realistic frequencies instead of being in every document. Deterministic for a given seed.
/// </summary>
internal sealed partial class RealisticText
{
    /// <summary>Share of sentences taken from the seed reports, then from the topical phrase bank; the rest is Zipf text.</summary>
    public const double RealShare = 0.20;

    public const double TopicalShare = 0.05;

    /// <summary>The commonest French words, in their usual order of frequency: the head of the Zipf ranking.</summary>
    private static readonly string[] FunctionWords =
    [
        "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour", "qui", "dans", "a",
        "par", "plus", "pas", "au", "sur", "ne", "se", "ce", "il", "sont", "avec", "ou", "aux", "son", "sa", "ses",
        "leur", "leurs", "elle", "nous", "vous", "ils", "on", "y", "mais", "comme", "été", "cette", "ces", "tout",
        "aussi", "entre", "sans", "sous", "deux", "très", "être", "fait", "dont", "où", "même", "ont", "était", "faire",
    ];

    // An elided article or preposition before a vowel ("l'atelier", "d'insertion").
    private static readonly Dictionary<string, string> Elided = new(StringComparer.Ordinal)
    {
        ["de"] = "d'", ["le"] = "l'", ["la"] = "l'", ["que"] = "qu'", ["ne"] = "n'", ["se"] = "s'",
    };

    private readonly string[] _ranked;
    private readonly double[] _cumulative;
    private readonly string[] _real;
    private readonly string[] _topical;

    private RealisticText(string[] ranked, string[] real, string[] topical)
    {
        _ranked = ranked;
        _real = real;
        _topical = topical;

        // Zipf with exponent 1: the weight of rank r is 1/r; the cumulative sums are searched per word.
        _cumulative = new double[ranked.Length];
        var sum = 0.0;
        for (var r = 0; r < ranked.Length; r++)
        {
            sum += 1.0 / (r + 1);
            _cumulative[r] = sum;
        }
    }

    /// <summary>Number of distinct words that can be drawn.</summary>
    public int VocabularySize => _ranked.Length;

    /// <summary>Number of real sentences read from the seed documents.</summary>
    public int RealSentenceCount => _real.Length;

    /// <param name="words">One word per line (Debian's /usr/share/dict/french).</param>
    /// <param name="seedDocuments">A folder of .txt/.md documents whose sentences are mixed in (README.md skipped).</param>
    /// <param name="topical">Sentences on the network's themes, mixed in at <see cref="TopicalShare"/>.</param>
    public static RealisticText Load(string words, string seedDocuments, IReadOnlyList<string> topical, int seed)
    {
        if (!File.Exists(words))
        {
            throw new CommandLineUsageException($"liste de mots introuvable : « {words} » (apt-get install wfrench).");
        }

        if (!Directory.Exists(seedDocuments))
        {
            throw new CommandLineUsageException($"dossier des rapports sources introuvable : « {seedDocuments} ».");
        }

        var list = File.ReadLines(words).Select(w => w.Trim()).Where(w => w.Length > 0 && !w.Contains(' ')).Distinct(StringComparer.Ordinal).ToList();
        var documents = Directory.EnumerateFiles(seedDocuments)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText);
        return Create(list, documents, topical, seed);
    }

    /// <summary>From a word list and the texts of the seed documents (tests give small ones).</summary>
    public static RealisticText Create(IReadOnlyList<string> words, IEnumerable<string> documents, IReadOnlyList<string> topical, int seed)
    {
        var real = documents.SelectMany(Sentences).Distinct(StringComparer.Ordinal).ToArray();
        if (real.Length == 0)
        {
            throw new CommandLineUsageException("aucune phrase trouvée dans les rapports sources.");
        }

        // Content words ranked at random, words of about five letters likelier first (frequent
        // words are short, but not one- or two-letter abbreviations); the order depends on the
        // seed only, not on the list's (alphabetical) order.
        var random = new Random(seed);
        var head = FunctionWords.ToHashSet(StringComparer.Ordinal);
        var content = words.Where(w => w.Length >= 3 && !head.Contains(w))
            .Select(w => (Word: w, Key: Math.Abs(w.Length - 5) + (random.NextDouble() * 8)))
            .OrderBy(w => w.Key).ThenBy(w => w.Word, StringComparer.Ordinal)
            .Select(w => w.Word);
        return new RealisticText([.. FunctionWords, .. content], real, [.. topical]);
    }

    /// <summary>The word of a rank (0 = the commonest).</summary>
    public string WordAt(int rank) => _ranked[rank];

    /// <summary>A summary: one or two sentences, cut at a word under <paramref name="max"/> characters.</summary>
    public string Summary(Random random, int max)
    {
        var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => Sentence(random)));
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > 0 ? text[..cut] : text[..max]).TrimEnd(',', ' ') + "…";
    }

    /// <summary>A body: a log-normal number of sentences (median 9, 2 to 60), in paragraphs of 2 to 5.</summary>
    public IReadOnlyList<string> Paragraphs(Random random)
    {
        var count = (int)Math.Clamp(Math.Round(LogNormal(random, 9, 0.6)), 2, 60);
        var paragraphs = new List<string>();
        while (count > 0)
        {
            var size = Math.Min(count, random.Next(2, 6));
            paragraphs.Add(string.Join(' ', Enumerable.Range(0, size).Select(_ => Sentence(random))));
            count -= size;
        }

        return paragraphs;
    }

    /// <summary>A real sentence of the seed documents, a topical one, or one of Zipf words (median 16 words, 4 to 50).</summary>
    public string Sentence(Random random)
    {
        var draw = random.NextDouble();
        if (draw < RealShare)
        {
            return _real[random.Next(_real.Length)];
        }

        if (draw < RealShare + TopicalShare && _topical.Length > 0)
        {
            return _topical[random.Next(_topical.Length)];
        }

        var length = (int)Math.Clamp(Math.Round(LogNormal(random, 16, 0.45)), 4, 50);
        var sentence = new StringBuilder(length * 8);
        string? previous = null;
        for (var i = 0; i < length; i++)
        {
            var (word, rank) = Word(random);
            if (previous is not null && Elided.TryGetValue(previous, out var elided) && rank >= FunctionWords.Length && StartsWithVowel(word))
            {
                sentence.Length -= previous.Length + 1; // "de atelier" → "d'atelier"
                sentence.Append(elided).Append(word);
            }
            else
            {
                sentence.Append(word);
            }

            var comma = i < length - 1 && random.NextDouble() < 0.07;
            sentence.Append(comma ? ", " : " ");
            previous = comma ? null : word;
        }

        sentence.Length--;
        sentence[0] = char.ToUpperInvariant(sentence[0]);
        return sentence.Append('.').ToString();
    }

    /// <summary>A word drawn with the Zipf law: rank r (from 0) with probability (1/(r+1)) / H(n).</summary>
    public (string Word, int Rank) Word(Random random)
    {
        var found = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        var rank = found >= 0 ? found : Math.Min(~found, _ranked.Length - 1);
        return (_ranked[rank], rank);
    }

    private static bool StartsWithVowel(string word) => "aeiouyhâàéèêîïôû".Contains(char.ToLowerInvariant(word[0]));

    private static double LogNormal(Random random, double median, double sigma)
    {
        // Box-Muller: a standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * normal);
    }

    /// <summary>
    /// The sentences of a report's text: blocks between blank lines, their lines joined (a word cut
    /// by a hyphen at a line end is mended), Markdown marks dropped, cut after . ! ? ; and kept when
    /// they have six words or more (headings and figures are shorter).
    /// </summary>
    internal static IEnumerable<string> Sentences(string document)
    {
        var text = HyphenatedBreak().Replace(document.Replace("\r", "", StringComparison.Ordinal), "$1");
        text = MarkdownLink().Replace(text, "$1");
        text = Heading().Replace(text, "$0\n"); // a Markdown heading is a block of its own
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal);
        foreach (var block in BlankLine().Split(text))
        {
            foreach (var part in SentenceEnd().Split(Spaces().Replace(block, " ")))
            {
                var sentence = part.Trim();
                if (sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= 6)
                {
                    yield return sentence;
                }
            }
        }
    }

    [GeneratedRegex(@"(?m)^#+[^\n]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"(\p{L})-\s*\n\s*(?=\p{Ll})")]
    private static partial Regex HyphenatedBreak();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?;])\s+")]
    private static partial Regex SentenceEnd();
}
