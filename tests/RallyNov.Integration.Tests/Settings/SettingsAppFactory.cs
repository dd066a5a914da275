using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Settings;

/// <summary>
/// The shared site of the settings and vocabulary tests. Tests run one after the other in the
/// collection and each checks only what it changed itself (unique names, its own pages and terms).
/// </summary>
public sealed class SettingsAppFactory() : SharedSiteFactory("rallynov-settings");

[CollectionDefinition(Name)]
public sealed class SettingsAppGroup : ICollectionFixture<SettingsAppFactory>
{
    public const string Name = "Settings app";
}
