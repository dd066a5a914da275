using System.Globalization;
using RallyNov.AuditTrail;
using RallyNov.Contents;
using RallyNov.Modules.Tests.Support;
using RallyNov.Pages;

namespace RallyNov.Modules.Tests.AuditTrail;

/// <summary>
/// The Core with the pages and audit modules over a temporary data folder (a real SQLite database
/// per tenant). No web server, so the recorded author is the system. One instance per test.
/// </summary>
internal static class AuditTestHost
{
    public static SiteTestHost Create(int? retentionDays = null) => new(
        [new ContentsModule(), new PagesModule(), new AuditTrailModule()],
        retentionDays is { } days
            ? new Dictionary<string, string?> { ["RallyNov:Audit:RetentionDays"] = days.ToString(CultureInfo.InvariantCulture) }
            : null);
}
