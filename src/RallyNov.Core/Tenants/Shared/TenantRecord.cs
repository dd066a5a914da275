namespace RallyNov.Core.Tenants.Shared;

/// <summary>
/// One tenant in the shared <c>tenants</c> table (PostgreSQL): the settings as tenants.json holds
/// them, in one JSON document, plus what the nodes need to notice a change cheaply.
/// </summary>
public sealed class TenantRecord
{
    public string Name { get; set; } = "";

    /// <summary>Order of the list (tenants.json's order), so every node resolves hosts the same way.</summary>
    public int Position { get; set; }

    /// <summary>The <see cref="TenantSettings"/> as JSON (jsonb).</summary>
    public string Settings { get; set; } = "{}";

    /// <summary>
    /// Taken from a counter under the writers' lock, so it only grows: a node that has seen the
    /// same row count and highest revision has seen every change.
    /// </summary>
    public long Revision { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
