namespace RallyNov.Proposals;

/// <summary>Settings under <c>RallyNov:Proposals</c>.</summary>
public sealed class ProposalsOptions
{
    public const string Section = "RallyNov:Proposals";

    /// <summary>Contact details are erased this many months after the decision (0 = only on request).</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>A form sent back faster than this was not filled by a person.</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>Proposals accepted from one IP address per hour (spam and errors included once they pass the form checks).</summary>
    public int MaxPerHourPerAddress { get; set; } = 10;
}
