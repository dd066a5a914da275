namespace RallyNov.Proposals.Data;

public enum ProposalStatus
{
    Pending,
    Accepted,
    Rejected,

    /// <summary>Its fields completed an existing initiative (<see cref="Proposal.MergedIntoId"/>).</summary>
    Merged,
}

/// <summary>
/// A proposal from the public: the link to the draft Initiative it created and the proposer's
/// contact details, kept here and only here — never in the content item, so no API, search
/// index, feed or export can show them.
/// </summary>
public sealed class Proposal
{
    public string Id { get; set; } = "";

    /// <summary>The draft Initiative made from the proposal (in the same tenant).</summary>
    public string ContentItemId { get; set; } = "";

    /// <summary>The structure's name at submission, for the list after the draft is renamed or deleted.</summary>
    public string StructureName { get; set; } = "";

    /// <summary>The site the form was filled on (the portal may route a proposal to a territory).</summary>
    public string? SubmittedOn { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public ProposalStatus Status { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecidedBy { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>The existing Initiative a merged proposal completed (same tenant).</summary>
    public string? MergedIntoId { get; set; }

    /// <summary>When the contact details were erased (on request or by the retention rule).</summary>
    public DateTime? ErasedUtc { get; set; }
}
