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

    [Theory]
    [InlineData("nord.example.org", true)]
    [InlineData("Nord.Example.org.", true)]
    [InlineData("localhost:5001", true)]
    [InlineData("*.bfc.example.org", true)]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("https://jura.example.org", false)]
    [InlineData("jura.example.org/agenda", false)]
    [InlineData("jura example.org", false)]
    [InlineData("jura_example.org", false)]
    [InlineData("-jura.example.org", false)]
    [InlineData("jura.example.org:0", false)]
    [InlineData("jura.example.org:70000", false)]
    [InlineData("", false)]
    public void Host_names_must_be_bare_names_with_an_optional_port(string host, bool valid)
    {
        Assert.Equal(valid, TenantValidator.IsValidHost(host));
        var tenant = new TenantSettings { Name = "Nord", DisplayName = "Nord", Hosts = [host] };
        Assert.Equal(valid, !TenantValidator.ValidateFields(tenant, Others).Any(e => e.Field == TenantValidator.Fields.Hosts));
    }

    [Fact]
    public void Reserved_segments_given_by_the_caller_are_refused_and_named()
    {
        var tenant = new TenantSettings { Name = "Nord", DisplayName = "Nord", UrlPrefix = "initiatives" };

        Assert.Empty(TenantValidator.ValidateFields(tenant, Others));
        var error = Assert.Single(TenantValidator.ValidateFields(tenant, Others, new HashSet<string> { "initiatives" }));
        Assert.Equal(TenantValidator.Fields.UrlPrefix, error.Field);
        Assert.Contains("/initiatives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_file_is_checked_in_one_pass_for_duplicates_and_clashes()
    {
        var tenants = new List<TenantSettings>
        {
            new() { Name = "Default", DisplayName = "Portail" },
            new() { Name = "Nord", DisplayName = "Nord", UrlPrefix = "nord" },
            new() { Name = "NORD", DisplayName = "Nord bis", UrlPrefix = "nord-bis" },
            new() { Name = "Sud", DisplayName = "Sud", UrlPrefix = "NORD" },
        };

        var errors = TenantValidator.ValidateAll(tenants);

        Assert.Contains(errors, e => e.Contains("« NORD » est utilisé deux fois", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("« Nord » et « Sud »", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count);
    }
}
