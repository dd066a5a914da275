namespace RallyNov.Core.Caching;

/// <summary>
/// <c>RallyNov:OutputCache</c>: the cache of public answers (pages, feeds, API). Invalidation is
/// exact (every committed change of a tenant evicts its entries), so the expiry only bounds what
/// this node cannot hear about: a change written by another process into data that is not in the
/// IndexingTasks log (settings or vocabularies edited on another node).
/// </summary>
public sealed class OutputCacheSettings
{
    public const string Section = "RallyNov:OutputCache";

    /// <summary>Off: every public request is rendered (validators and 304 answers stay on).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Memory the stored answers may take, in megabytes (the in-memory store's size limit).</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>Answers bigger than this are sent but never stored.</summary>
    public int MaximumBodyKilobytes { get; set; } = 1024;

    /// <summary>Lifetime of an entry when nothing evicts it earlier.</summary>
    public int ExpirationSeconds { get; set; } = 300;
}
