namespace RallyNov.AuditTrail.Services;

/// <summary>RallyNov:Audit in appsettings.json.</summary>
public sealed class AuditTrailOptions
{
    public const string Section = "RallyNov:Audit";

    /// <summary>Events older than this are purged (at most once a day per tenant, on write). 0 keeps everything.</summary>
    public int RetentionDays { get; set; } = 365;
}
