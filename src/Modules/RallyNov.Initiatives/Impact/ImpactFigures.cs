using RallyNov.Contents.Display;
using RallyNov.Core.Content;

namespace RallyNov.Initiatives.Impact;

/// <summary>One impact figure ready to show: « 320 emplois », « 1 200 personnes touchées ».</summary>
public sealed record ImpactFigure(string Field, long Value, string Text)
{
    /// <summary>The number with French digit grouping (« 1 200 »).</summary>
    public string Number => Value.ToString("#,0", FrenchFormat.Culture);

    public override string ToString() => Number + " " + Text;
}

/// <summary>
/// The impact indicators of one initiative, or their sums over many. Only declared figures count:
/// an initiative without a number adds nothing, and a total of zero because nobody declared one is
/// not shown as « 0 emploi ».
/// </summary>
public sealed record ImpactFigures(long? Jobs, long? People, long? Volunteers, long? Partners)
{
    /// <summary>Upper bound of one initiative's figure: keeps sums far from overflow and typos visible.</summary>
    public const int Maximum = 10_000_000;

    public static readonly ImpactFigures None = new(null, null, null, null);

    /// <summary>Initiatives that declared at least one figure.</summary>
    public int Initiatives { get; init; }

    public bool IsEmpty => Jobs is null && People is null && Volunteers is null && Partners is null;

    public static ImpactFigures Of(ContentItem item)
    {
        var figures = new ImpactFigures(
            Read(item, InitiativeFields.ImpactJobs),
            Read(item, InitiativeFields.ImpactPeople),
            Read(item, InitiativeFields.ImpactVolunteers),
            Read(item, InitiativeFields.ImpactPartners));
        return figures with { Initiatives = figures.IsEmpty ? 0 : 1 };
    }

    public ImpactFigures Add(ImpactFigures other) => new(Sum(Jobs, other.Jobs), Sum(People, other.People), Sum(Volunteers, other.Volunteers), Sum(Partners, other.Partners))
    {
        Initiatives = Initiatives + other.Initiatives,
    };

    public static ImpactFigures Total(IEnumerable<ImpactFigures> figures) => figures.Aggregate(None, (total, f) => total.Add(f));

    /// <summary>The declared figures in a fixed order, with French labels agreeing in number.</summary>
    public IReadOnlyList<ImpactFigure> Shown()
    {
        var shown = new List<ImpactFigure>(4);
        AddShown(shown, InitiativeFields.ImpactJobs, Jobs, "emploi", "emplois");
        AddShown(shown, InitiativeFields.ImpactPeople, People, "personne touchée", "personnes touchées");
        AddShown(shown, InitiativeFields.ImpactVolunteers, Volunteers, "bénévole", "bénévoles");
        AddShown(shown, InitiativeFields.ImpactPartners, Partners, "partenaire", "partenaires");
        return shown;
    }

    /// <summary>« 320 emplois, 1 200 personnes touchées »; empty when nothing was declared.</summary>
    public string Sentence() => string.Join(", ", Shown());

    private static void AddShown(List<ImpactFigure> shown, string field, long? value, string singular, string plural)
    {
        if (value is { } v)
        {
            shown.Add(new ImpactFigure(field, v, v > 1 ? plural : singular));
        }
    }

    private static long? Read(ContentItem item, string field) => item.GetNumber(field) is { } number ? Accept(number) : null;

    /// <summary>A declared number as it counts: whole part of a number between 0 and <see cref="Maximum"/>, else nothing.</summary>
    internal static long? Accept(decimal number) => number >= 0 && number <= Maximum ? (long)decimal.Truncate(number) : null;

    private static long? Sum(long? a, long? b) => a is null ? b : b is null ? a : a + b;
}
