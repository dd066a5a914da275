using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;
using RallyNov.Proposals.Data;

namespace RallyNov.Integration.Tests.Proposals;

/// <summary>
/// One site for the proposal tests of a class, with the anti-abuse settings a test needs (the
/// minimum fill time and the hourly allowance per address).
/// </summary>
public abstract class ProposalsAppFactoryBase : IAsyncLifetime, IDisposable
{
    private RallyNovFactory? _root;

    protected abstract int MinimumFillSeconds { get; }

    protected abstract int MaxPerHour { get; }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public RallyNovFactory Root => _root!;

    public Task InitializeAsync()
    {
        _root = new RallyNovFactory();
        Factory = _root.WithWebHostBuilder(b => b
            .UseSetting("RallyNov:Proposals:MinimumFillSeconds", MinimumFillSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("RallyNov:Proposals:MaxPerHourPerAddress", MaxPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _root!.DisposeAsync();
    }

    public void Dispose()
    {
        Factory?.Dispose();
        _root?.Dispose();
        GC.SuppressFinalize(this);
    }

    public TestBrowser Browser() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    public async Task<T> InTenantAsync<T>(string tenant, Func<IServiceProvider, Task<T>> action)
    {
        var store = Factory.Services.GetRequiredService<RallyNov.Core.Tenants.ITenantStore>();
        await using var scope = Factory.Services.GetRequiredService<RallyNov.Core.Tenants.ITenantScopeFactory>().CreateScope(store.Find(tenant)!);
        return await action(scope.ServiceProvider);
    }

    public Task<List<Proposal>> ProposalsAsync(string tenant) =>
        InTenantAsync(tenant, sp => sp.GetRequiredService<ProposalsDbContext>().Proposals.AsNoTracking().ToListAsync());

    /// <summary>A complete, valid form; each test changes what it checks.</summary>
    public static List<KeyValuePair<string, string>> ValidForm(string structure, string departement, string email) =>
    [
        new("StructureName", structure),
        new("StructureKind", "association"),
        new("City", "Besançon"),
        new("Departement", departement),
        new("Website", "https://www.exemple.fr"),
        new("WhatItDoes", "Une épicerie solidaire tenue par des bénévoles qui accueille les familles du quartier."),
        new("WhatIsNew", "Les familles fixent elles-mêmes les prix avec les bénévoles, chaque mois, en assemblée."),
        new("Themes", "solidarite"),
        new("ContactName", "Camille Proposante"),
        new("Email", email),
        new("Phone", "03 81 99 88 77"),
        new("Consent", "true"),
    ];
}

/// <summary>No minimum fill time and a large allowance: for the journeys.</summary>
public sealed class ProposalsAppFactory : ProposalsAppFactoryBase
{
    protected override int MinimumFillSeconds => 0;

    protected override int MaxPerHour => 1000;
}

/// <summary>The production-like anti-abuse settings, small enough to reach in a test.</summary>
public sealed class GuardedProposalsAppFactory : ProposalsAppFactoryBase
{
    protected override int MinimumFillSeconds => 4;

    protected override int MaxPerHour => 2;
}
