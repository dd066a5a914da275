using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Data;
using RallyNov.Core.Taxonomies;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Tests.Support;

/// <summary>
/// One host, one running tenant ("Alpha") and one open scope per test, with helpers to write
/// articles. xunit builds a new instance for every test, so nothing is shared between tests.
/// </summary>
public abstract class TenantTestBase : IAsyncLifetime
{
    private AsyncServiceScope _scope;

    protected static CancellationToken Ct => CancellationToken.None;

    protected CoreTestHost Host { get; } = new();

    protected TenantSettings Tenant { get; private set; } = null!;

    protected IServiceProvider Services => _scope.ServiceProvider;

    protected IContentManager Contents => Services.GetRequiredService<IContentManager>();

    public virtual async Task InitializeAsync()
    {
        Tenant = await Host.CreateTenantAsync("Alpha");
        _scope = Host.CreateScope(Tenant);
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Host.DisposeAsync();
    }

    protected async Task AddThemesAsync(params string[] slugs)
    {
        var vocabulary = new Vocabulary { Name = "themes", DisplayName = "Thèmes" };
        vocabulary.Terms.AddRange(slugs.Select(s => new Term { Slug = s, Name = s.ToUpperInvariant() }));
        await Services.GetRequiredService<ITaxonomyService>().SaveAsync(vocabulary, Ct);
    }

    protected static ContentItem NewItem(IContentManager contents, string type, string title, Action<ContentItem>? edit = null)
    {
        var item = contents.New(type);
        item.Set("Title", title);
        edit?.Invoke(item);
        return item;
    }

    protected async Task<ContentItem> PublishAsync(string title, Action<ContentItem>? edit = null, string type = "Article")
    {
        var result = await Contents.PublishAsync(NewItem(Contents, type, title, edit), Ct);
        return Succeeded(result);
    }

    protected async Task<ContentItem> SaveDraftAsync(string title, Action<ContentItem>? edit = null, string type = "Article")
    {
        var result = await Contents.SaveDraftAsync(NewItem(Contents, type, title, edit), Ct);
        return Succeeded(result);
    }

    /// <summary>The latest version, ready to edit and save again.</summary>
    protected async Task<ContentItem> LatestAsync(string contentItemId) =>
        await Contents.GetAsync(contentItemId, VersionOptions.Latest, Ct) ?? throw new InvalidOperationException("Contenu introuvable : " + contentItemId);

    protected static ContentItem Succeeded(ContentResult result)
    {
        Assert.True(result.Succeeded, $"{result.Status}: {string.Join(" | ", result.Errors.Select(e => e.Field + " " + e.Message))}");
        return result.Item!;
    }

    protected async Task<int> CountAsync(ContentStatus status) =>
        (await Contents.QueryAsync(new ContentQuery { Status = status }, Ct)).Total;

    /// <summary>Rows read in a fresh scope, so nothing comes from the open scope's change tracker.</summary>
    protected Task<List<T>> RowsAsync<T>(Func<RallyNovDbContext, IQueryable<T>> query) =>
        Host.InTenantAsync(Tenant, sp => query(sp.GetRequiredService<RallyNovDbContext>()).ToListAsync(Ct));

    protected static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
