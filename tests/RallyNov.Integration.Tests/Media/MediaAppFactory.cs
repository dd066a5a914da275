using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using RallyNov.Integration.Tests.Infrastructure;

namespace RallyNov.Integration.Tests.Media;

/// <summary>The shared site of the media tests, with a small upload limit so "too large" is cheap to test.</summary>
public sealed class MediaAppFactory() : SharedSiteFactory("rallynov-media")
{
    public const long MaxUploadBytes = 200_000;

    public string MediaFolder(string tenant) => Path.Combine(DataPath, "Sites", tenant, "Media");

    public string CacheFolder(string tenant) => Path.Combine(DataPath, "Sites", tenant, "MediaCache");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RallyNov:Media:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class MediaAppGroup : ICollectionFixture<MediaAppFactory>
{
    public const string Name = "Media app";
}
