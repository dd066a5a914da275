namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>
/// One live site with the sample content, shared by the tests that only read public pages: a site
/// start (three tenants from their recipes) costs seconds, a page a fraction of one. Tests that
/// change data or settings start their own <see cref="LiveSite"/>.
/// </summary>
public sealed class SampleSiteFixture : IDisposable
{
    private readonly Lazy<LiveSite> _site = new(LiveSite.Start);

    public LiveSite Site => _site.Value;

    public void Dispose()
    {
        if (_site.IsValueCreated)
        {
            _site.Value.Dispose();
        }
    }
}
