using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Tenants;

public sealed class TenantValidatorTests
{
    private static readonly IReadOnlyList<TenantSettings> Others =
    [
        new() { Name = "Default", DisplayName = "rally'nov" },
        new() { Name = "Bourgogne", DisplayName = "Bourgogne", UrlPrefix = "bourgogne" },
        new() { Name = "Jura", DisplayName = "Jura", Hosts = ["jura.example.org"] },
    ];

    [Fact]
    public void Valid_settings_have_no_error()
    {
        var tenant = new TenantSettings { Name = "FrancheComte", DisplayName = "Franche-Comté", UrlPrefix = "/franche-comte/" };

        Assert.Empty(TenantValidator.Validate(tenant, Others));
    }

    [Fact]
    public void Default_tenant_may_have_neither_prefix_nor_host()
    {
        var tenant = new TenantSettings { Name = "Default", DisplayName = "rally'nov" };

        Assert.Empty(TenantValidator.Validate(tenant, Others));
    }

    [Theory]
    [InlineData("", "Nom de site")]
    [InlineData("1site", "Nom de site")]
    [InlineData("franche-comte", "Nom de site")]
    [InlineData("Site Nord", "Nom de site")]
    [InlineData("Abcdefghijabcdefghijabcdefghijabcdefghijx", "Nom de site")]
    public void Invalid_names_are_refused(string name, string expected)
    {
        var tenant = new TenantSettings { Name = name, DisplayName = "Site", UrlPrefix = "site" };

        Assert.Contains(TenantValidator.Validate(tenant, Others), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bourgogne nord", "invalide")]
    [InlineData("bourgogne--nord", "invalide")]
    [InlineData("bourgogne_nord", "invalide")]
    [InlineData("a/b", "invalide")]
    [InlineData("admin", "réservé")]
    [InlineData("/API/", "réservé")]
    [InlineData("media", "réservé")]
    [InlineData("health", "réservé")]
    public void Invalid_or_reserved_prefixes_are_refused(string prefix, string expected)
    {
        var tenant = new TenantSettings { Name = "Nord", DisplayName = "Nord", UrlPrefix = prefix };

        Assert.Contains(TenantValidator.Validate(tenant, Others), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Display_name_is_required()
    {
        var tenant = new TenantSettings { Name = "Nord", DisplayName = "  ", UrlPrefix = "nord" };

        Assert.Contains(TenantValidator.Validate(tenant, Others), e => e.Contains("nom affiché", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tenant_other_than_default_needs_a_prefix_or_a_host()
    {
        var tenant = new TenantSettings { Name = "Nord", DisplayName = "Nord" };

        Assert.Contains(TenantValidator.Validate(tenant, Others), e => e.Contains("préfixe d'URL ou d'un nom d'hôte", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bourgogne/", null)]
    [InlineData("", "JURA.example.org")]
    public void Prefix_or_host_already_used_by_another_tenant_is_refused(string prefix, string? host)
    {
        var tenant = new TenantSettings { Name = "Autre", DisplayName = "Autre", UrlPrefix = prefix, Hosts = host is null ? [] : [host] };

        Assert.Contains(TenantValidator.Validate(tenant, Others), e => e.Contains("utilise déjà", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_host_with_another_prefix_is_accepted()
    {
        var tenant = new TenantSettings { Name = "JuraEvents", DisplayName = "Agenda", UrlPrefix = "evenements", Hosts = ["jura.example.org"] };

        Assert.Empty(TenantValidator.Validate(tenant, Others));
    }

    [Fact]
    public void A_tenant_does_not_conflict_with_its_own_saved_entry()
    {
        var tenant = new TenantSettings { Name = "bourgogne", DisplayName = "Bourgogne renommée", UrlPrefix = "bourgogne" };

        Assert.Empty(TenantValidator.Validate(tenant, Others));
    }

    [Fact]
    public void ThrowIfInvalid_puts_every_error_in_the_message()
    {
        var tenant = new TenantSettings { Name = "1x", DisplayName = "", UrlPrefix = "admin" };

        var ex = Assert.Throws<InvalidOperationException>(() => TenantValidator.ThrowIfInvalid(tenant, Others));

        Assert.Contains("Nom de site", ex.Message, StringComparison.Ordinal);
        Assert.Contains("nom affiché", ex.Message, StringComparison.Ordinal);
        Assert.Contains("réservé", ex.Message, StringComparison.Ordinal);
    }
}
