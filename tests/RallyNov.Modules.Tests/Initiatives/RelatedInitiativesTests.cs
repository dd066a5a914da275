using System.Text.Json.Nodes;
using RallyNov.Contents.Querying;
using RallyNov.Core.Content;
using RallyNov.Initiatives;
using RallyNov.Initiatives.Models;
using RallyNov.Modules.Tests.Pages;
using RallyNov.Modules.Tests.Support;

namespace RallyNov.Modules.Tests.Initiatives;

public sealed class RelatedInitiativesTests
{
    private static ContentItem Initiative(string id, int year, params string[] themes) =>
        Items.Make(InitiativeFields.Type, id, id, new JsonObject
        {
            ["Themes"] = new JsonArray(themes.Select(t => (JsonNode)JsonValue.Create(t)).ToArray()),
            ["YearIdentified"] = year,
        });

    private static readonly ContentItem Self = Initiative("self", 2023, "mobilite", "solidarite");
    private static readonly ContentItem[] All =
    [
        Self,
        Initiative("both", 2014, "mobilite", "solidarite"),
        Initiative("recent", 2024, "mobilite"),
        Initiative("other", 2024, "handicap"),
    ];

    [Fact]
    public async Task With_an_up_to_date_index_only_the_candidates_of_each_theme_are_loaded_and_ranked()
    {
        var index = new FakeIndex(theme => theme == "mobilite" ? ["self", "recent", "both"] : ["self", "both"]);

        var related = await RelatedInitiatives.LoadAsync(Self, 3, index, new ThrowingReader(), new FakeContentManager(All), CancellationToken.None);

        // Two shared thèmes first, then one; never the item itself nor an unrelated one.
        Assert.Equal(["both", "recent"], related.Select(i => i.ContentItemId));
        Assert.Equal(["mobilite", "solidarite"], index.Themes);
    }

    [Fact]
    public async Task Without_an_answer_from_the_index_every_initiative_is_read_from_the_database()
    {
        var related = await RelatedInitiatives.LoadAsync(Self, 3, new FakeIndex(_ => null), new ListReader(All), new FakeContentManager(All), CancellationToken.None);

        Assert.Equal(["both", "recent"], related.Select(i => i.ContentItemId));
    }

    [Fact]
    public async Task The_candidates_of_a_theme_are_asked_once_per_version_and_never_when_the_index_is_behind()
    {
        var index = new FakeIndex(theme => theme == "mobilite" ? ["self", "recent", "both"] : ["self", "both"]);
        var views = new KeptForever();

        var first = await RelatedInitiatives.LoadAsync(Self, 3, index, new ThrowingReader(), new FakeContentManager(All), CancellationToken.None, views);
        var second = await RelatedInitiatives.LoadAsync(Self, 3, index, new ThrowingReader(), new FakeContentManager(All), CancellationToken.None, views);

        Assert.Equal(["both", "recent"], first.Select(i => i.ContentItemId));
        Assert.Equal(["both", "recent"], second.Select(i => i.ContentItemId));
        Assert.Equal(["mobilite", "solidarite"], index.Themes);

        // An index that is behind answers nothing: nothing is kept, the next page asks again.
        var behind = new FakeIndex(_ => null);
        var fresh = new KeptForever();
        await RelatedInitiatives.LoadAsync(Self, 3, behind, new ListReader(All), new FakeContentManager(All), CancellationToken.None, fresh);
        await RelatedInitiatives.LoadAsync(Self, 3, behind, new ListReader(All), new FakeContentManager(All), CancellationToken.None, fresh);
        Assert.Equal(["mobilite", "mobilite"], behind.Themes);
    }

    /// <summary>One model per name for the life of the test (one tenant version).</summary>
    private sealed class KeptForever : IPublishedViews
    {
        private readonly Dictionary<string, object> _models = [];

        public async Task<T> GetAsync<T>(string contentType, string name, Func<IPublishedContentReader, CancellationToken, Task<T>> build, CancellationToken cancellationToken)
            where T : class
        {
            if (!_models.TryGetValue(contentType + ":" + name, out var model))
            {
                _models[contentType + ":" + name] = model = await build(null!, cancellationToken);
            }

            return (T)model;
        }
    }

    private sealed class FakeIndex(Func<string, string[]?> idsOf) : IPublishedListIndex
    {
        public List<string> Themes { get; } = [];

        public Task<PublishedListPage?> QueryAsync(PublishedListQuery query, CancellationToken cancellationToken)
        {
            var theme = query.Filters[InitiativeListData.ThemeFacet];
            Themes.Add(theme);
            var ids = idsOf(theme);
            return Task.FromResult(ids is null ? null : new PublishedListPage(ids.Length, All.Length, ids, new Dictionary<string, IReadOnlyDictionary<string, int>>()));
        }
    }

    private sealed class ListReader(IReadOnlyList<ContentItem> items) : IPublishedContentReader
    {
        public Task<IReadOnlyList<ContentItem>> AllAsync(string contentType, CancellationToken cancellationToken) => Task.FromResult(items);

        public Task<IReadOnlyList<ContentItem>> ReferrersAsync(string contentItemId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ContentItem>>([]);
    }

    private sealed class ThrowingReader : IPublishedContentReader
    {
        public Task<IReadOnlyList<ContentItem>> AllAsync(string contentType, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the database path must not be taken when the index answers");

        public Task<IReadOnlyList<ContentItem>> ReferrersAsync(string contentItemId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
