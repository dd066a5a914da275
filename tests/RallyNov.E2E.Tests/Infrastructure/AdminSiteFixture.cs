namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>
/// One live site for the back-office tests that click and save: each test makes its own data (unique
/// titles, file and user names) and puts back what it changes for everyone (the roles grid), so they
/// share one start-up instead of paying one per test. Kept apart from <see cref="SampleSiteFixture"/>,
/// whose public pages must not change under the read-only tests.
/// </summary>
public sealed class AdminSiteFixture : IDisposable
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
