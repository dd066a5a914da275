namespace RallyNov.Contents.Admin;

/// <summary>
/// A line a module adds to the dashboard (« 3 propositions du public à examiner »), shown to users
/// with <see cref="Permission"/> while the module is on. Register it as a scoped service.
/// </summary>
public interface IDashboardNotice
{
    /// <summary>Permission needed to see the line (the page it links to checks it anyway).</summary>
    string Permission { get; }

    /// <returns>The line, or null to show nothing.</returns>
    Task<DashboardNoticeItem?> GetAsync(CancellationToken cancellationToken);
}

/// <param name="Href">Tenant-relative link ("/admin/proposals").</param>
public sealed record DashboardNoticeItem(string Text, string Href, int Count);
