namespace RallyNov.E2E.Tests.Infrastructure;

/// <summary>
/// A live site of its own for the « Réglages du site » and « Vocabulaires » tests: they change what every
/// public page shows (name, colours, logo, menus, home sections, filter terms), which the tests sharing
/// <see cref="AdminSiteFixture"/> or <see cref="SampleSiteFixture"/> must not see.
/// </summary>
public sealed class SettingsSiteFixture : IDisposable
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
