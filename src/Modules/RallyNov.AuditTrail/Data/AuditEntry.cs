namespace RallyNov.AuditTrail.Data;

/// <summary>A stored row of the audit trail (table AuditEvents). Rows are only ever added, then purged by age.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public required string Category { get; set; }

    public required string Action { get; set; }

    public string? UserName { get; set; }

    public string? ItemId { get; set; }

    public string? ItemTitle { get; set; }

    public string? Details { get; set; }

    public string? IpAddress { get; set; }

    public DateTime UtcTime { get; set; }
}
