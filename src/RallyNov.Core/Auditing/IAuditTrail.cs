namespace RallyNov.Core.Auditing;

/// <summary>
/// Records what happens in the current tenant. Implementations must never throw for a recording
/// failure: the audited action has already happened and must not be undone by its log line.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}

/// <summary>The default when no audit module is registered: the Core works without one.</summary>
internal sealed class NullAuditTrail : IAuditTrail
{
    public Task RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}
