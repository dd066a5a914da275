using RallyNov.Core.Content;
using RallyNov.Core.Modules;

namespace RallyNov.Contents.Admin;

public sealed class DashboardViewModel
{
    /// <summary>The buttons of the enabled modules the user may use (« Nouvelle initiative », « Téléverser », « Voir le site »).</summary>
    public IReadOnlyList<AdminMenuItem> QuickActions { get; init; } = [];

    /// <summary>Lines the enabled modules add (« 2 propositions du public à examiner »).</summary>
    public IReadOnlyList<DashboardNoticeItem> Notices { get; init; } = [];

    /// <summary>Items whose latest version was saved by someone else, newest first.</summary>
    public IReadOnlyList<ContentItem> RecentChangesByOthers { get; init; } = [];

    public IReadOnlyList<ContentTypeCounts> Counts { get; init; } = [];

    /// <summary>The signed-in user's items whose latest version is a draft, newest first.</summary>
    public IReadOnlyList<ContentItem> RecentDrafts { get; init; } = [];

    /// <summary>Drafts submitted for review, oldest request first (the longest wait comes first).</summary>
    public IReadOnlyList<ContentItem> AwaitingReview { get; init; } = [];

    /// <summary>Drafts with a scheduled publication, soonest first.</summary>
    public IReadOnlyList<ContentItem> Scheduled { get; init; } = [];
}

/// <summary>How many items of one type are in each state (an item with a pending draft counts in both).</summary>
public sealed record ContentTypeCounts(string ContentType, string DisplayName, int Total, int Published, int Drafts, int PublishedWithDraft, int Deleted);
