using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Tenants;

public sealed class TenantResolverTests
{
    private static readonly IReadOnlyList<TenantSettings> Tenants =
    [
        Tenant("Default"),
        Tenant("Bourgogne", prefix: "bourgogne"),
        Tenant("FrancheComte", prefix: "/Franche-Comte/"),
        Tenant("Jura", hosts: ["jura.example.org"]),
        Tenant("JuraEvents", prefix: "evenements", hosts: ["jura.example.org"]),
        Tenant("Wild", hosts: ["*.example.org"]),
        Tenant("Local", hosts: ["localhost:5001"]),
        Tenant("Ipv6", hosts: ["[::1]"]),
    ];

    [Theory]
    // Prefix only, with and without trailing slash, deeper paths and case.
    [InlineData("example.net", "/", "Default", "")]
    [InlineData("example.net", "", "Default", "")]
    [InlineData("example.net", null, "Default", "")]
    [InlineData("example.net", "/bourgogne", "Bourgogne", "/bourgogne")]
    [InlineData("example.net", "/bourgogne/", "Bourgogne", "/bourgogne")]
    [InlineData("example.net", "/bourgogne/x", "Bourgogne", "/bourgogne")]
    [InlineData("example.net", "/Bourgogne", "Bourgogne", "/bourgogne")]
    [InlineData("example.net", "/BOURGOGNE/Initiatives/Abc", "Bourgogne", "/bourgogne")]
    [InlineData("example.net", "/franche-comte/agenda", "FrancheComte", "/franche-comte")]
    // A longer segment that starts with a prefix is not that prefix.
    [InlineData("example.net", "/bourgognexyz", "Default", "")]
    [InlineData("example.net", "/bourgogne-nord", "Default", "")]
    [InlineData("example.net", "/x/bourgogne", "Default", "")]
    // Unknown prefix: the default tenant, with an empty prefix.
    [InlineData("example.net", "/inconnu/page", "Default", "")]
    // Host only; case, trailing dot and any port when the configured host has none.
    [InlineData("jura.example.org", "/", "Jura", "")]
    [InlineData("JURA.EXAMPLE.ORG", "/", "Jura", "")]
    [InlineData("jura.example.org.", "/", "Jura", "")]
    [InlineData("jura.example.org:8080", "/page", "Jura", "")]
    // Host + prefix beats host; host beats prefix.
    [InlineData("jura.example.org", "/evenements", "JuraEvents", "/evenements")]
    [InlineData("jura.example.org:443", "/Evenements/2024", "JuraEvents", "/evenements")]
    [InlineData("jura.example.org", "/bourgogne", "Jura", "")]
    // A tenant with a host never answers its prefix on another host.
    [InlineData("example.net", "/evenements", "Default", "")]
    // Wildcard: sub-domains at any depth, never the bare domain.
    [InlineData("doubs.example.org", "/", "Wild", "")]
    [InlineData("a.b.example.org:8443", "/", "Wild", "")]
    [InlineData("doubs.example.org", "/bourgogne", "Wild", "")]
    [InlineData("example.org", "/", "Default", "")]
    [InlineData("EXAMPLE.ORG", "/bourgogne", "Bourgogne", "/bourgogne")]
    [InlineData("notexample.org", "/", "Default", "")]
    // A configured port matches that port only.
    [InlineData("localhost:5001", "/", "Local", "")]
    [InlineData("LOCALHOST:5001", "/", "Local", "")]
    [InlineData("localhost:5002", "/", "Default", "")]
    [InlineData("localhost", "/", "Default", "")]
    [InlineData("[::1]:5000", "/", "Ipv6", "")]
    [InlineData("[::1]", "/", "Ipv6", "")]
    // No host at all still resolves prefixes.
    [InlineData(null, "/bourgogne", "Bourgogne", "/bourgogne")]
    [InlineData("", "/", "Default", "")]
    public void Resolve_follows_host_prefix_then_default_order(string? host, string? path, string expectedTenant, string expectedPrefix)
    {
        var match = TenantResolver.Resolve(Tenants, host, path);

        Assert.NotNull(match);
        Assert.Equal(expectedTenant, match.Tenant.Name);
        Assert.Equal(expectedPrefix, match.Prefix);
    }

    [Fact]
    public void Resolve_returns_null_without_match_and_without_default_tenant()
    {
        var tenants = Tenants.Where(t => !t.IsDefault).ToList();

        Assert.Null(TenantResolver.Resolve(tenants, "example.net", "/inconnu"));
        Assert.Equal("Bourgogne", TenantResolver.Resolve(tenants, "example.net", "/bourgogne")?.Tenant.Name);
    }

    [Fact]
    public void Resolve_takes_the_first_matching_tenant_in_file_order()
    {
        // "Jura" is listed before "Wild": the exact host is not shadowed by the wildcard.
        Assert.Equal("Jura", TenantResolver.Resolve(Tenants, "jura.example.org", "/")?.Tenant.Name);
    }

    [Theory]
    [InlineData("example.org", "example.org", true)]
    [InlineData("example.org", "example.org:5000", true)]
    [InlineData("example.org:5000", "example.org:5000", true)]
    [InlineData("example.org:5000", "example.org:5001", false)]
    [InlineData("example.org:5000", "example.org", false)]
    [InlineData("*.example.org", "a.example.org", true)]
    [InlineData("*.example.org", "a.example.org:80", true)]
    [InlineData("*.example.org", "example.org", false)]
    [InlineData("*.example.org", "aexample.org", false)]
    [InlineData("*.example.org", ".example.org", false)]
    [InlineData("", "example.org", false)]
    [InlineData("example.org", "", false)]
    public void HostMatches_handles_ports_and_wildcards(string configured, string requestHost, bool expected)
    {
        Assert.Equal(expected, TenantResolver.HostMatches(configured, TenantResolver.NormalizeHost(requestHost)));
    }

    [Theory]
    [InlineData("/Bourgogne/", "bourgogne")]
    [InlineData(" franche-comte ", "franche-comte")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("/", "")]
    public void NormalizePrefix_strips_slashes_and_lowercases(string? prefix, string expected)
    {
        Assert.Equal(expected, TenantResolver.NormalizePrefix(prefix));
    }

    private static TenantSettings Tenant(string name, string prefix = "", List<string>? hosts = null) =>
        new() { Name = name, DisplayName = name, UrlPrefix = prefix, Hosts = hosts ?? [], State = TenantState.Running };
}
