using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Tenants;
using RallyNov.Integration.Tests.Media;
using RallyNov.Media.Services;
using RallyNov.Proposals.Data;
using RallyNov.Proposals.Public;
using RallyNov.Proposals.Services;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Admin;

/// <summary>
/// Real values for the back office's route and query parameters, by parameter name, made in one
/// tenant: items in every state (draft, published with a pending draft, awaiting review, scheduled,
/// in the bin) with several versions, media in use and unused in a folder, an active and a disabled
/// account. A new admin page whose parameters have one of these names is walked without any change
/// here; a page with a new parameter name shows up as "never answered 200" until a value is added.
/// </summary>
internal sealed class AdminSamples
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> For(string parameter) => _values.GetValueOrDefault(parameter) ?? [];

    public static async Task<AdminSamples> CreateAsync(IServiceProvider root, string tenantName)
    {
        var tenant = root.GetRequiredService<ITenantStore>().Find(tenantName)!;
        await using var scope = root.GetRequiredService<ITenantScopeFactory>().CreateScope(tenant);
        var services = scope.ServiceProvider;
        var samples = new AdminSamples();
        var unique = Guid.NewGuid().ToString("N")[..8];

        // Media: a folder, an image in it that an item uses, an unused image at the root.
        var library = services.GetRequiredService<IMediaLibrary>();
        Assert.Null(library.CreateFolder("", "parcours-" + unique, out var folder));
        var used = await UploadAsync(library, folder, "utilisee-" + unique + ".png");
        var unused = await UploadAsync(library, "", "libre-" + unique + ".png");
        samples.Add("folder", folder);
        samples.Add("path", used, unused);

        // Content: one item with three versions, published, then a pending draft; and one item in each workflow state.
        var contents = services.GetRequiredService<IContentManager>();
        var workflow = services.GetRequiredService<IContentWorkflow>();
        var history = await SaveAsync(contents, "Parcours versions " + unique, used);
        history = await SaveAsync(contents, "Parcours versions (2) " + unique, used, history);
        Assert.True((await contents.PublishAsync(await EditAsync(contents, history, "Parcours versions (3) " + unique), CancellationToken.None)).Succeeded);
        history = (await contents.GetAsync(history.ContentItemId, VersionOptions.Latest, CancellationToken.None))!;
        history = await SaveAsync(contents, "Parcours versions (4) " + unique, used, history);

        var review = await SaveAsync(contents, "Parcours relecture " + unique, null);
        Assert.True((await workflow.SubmitForReviewAsync(review.ContentItemId, CancellationToken.None)).Succeeded);
        var scheduled = await SaveAsync(contents, "Parcours programmé " + unique, null);
        Assert.True((await workflow.SchedulePublishAsync(scheduled.ContentItemId, DateTime.UtcNow.AddDays(3), null, CancellationToken.None)).Succeeded);
        var binned = await SaveAsync(contents, "Parcours corbeille " + unique, null);
        Assert.True((await contents.DeleteAsync(binned.ContentItemId, CancellationToken.None)).Succeeded);

        string[] items = [history.ContentItemId, review.ContentItemId, scheduled.ContentItemId, binned.ContentItemId];
        samples.Add("contentItemId", items);
        samples.Add("id", items);
        samples.Add("versionId", (await contents.GetVersionsAsync(history.ContentItemId, CancellationToken.None)).Select(v => v.ContentItemVersionId).ToArray());
        samples.Add("compare", "latest");

        // Every type of the tenant (editor forms, list filters) and every list state.
        samples.Add("type", services.GetRequiredService<IContentDefinitionManager>().TypesFor(tenant).Select(t => t.Name).ToArray());
        samples.Add("status", Enum.GetNames<ContentStatus>().Select(s => s.ToLowerInvariant()).ToArray());

        // Accounts: an active editor and a disabled one (the list shows "Réactiver" for it).
        var users = services.GetRequiredService<IUserAdministration>();
        var active = await CreateUserAsync(users, "parcours-" + unique);
        var disabled = await CreateUserAsync(users, "parcours-inactif-" + unique);
        Assert.True((await users.SetDisabledAsync(disabled, true, null, CancellationToken.None)).Succeeded);
        samples.Add("id", active, disabled);

        // A pending proposal from the public (its page shows the decision and erase forms).
        var proposal = new ProposalForm
        {
            StructureName = "Parcours proposition " + unique, City = "Dijon", Departement = "21", Consent = true,
            ContactName = "Personne Parcours", Email = "parcours@example.org",
            WhatItDoes = "Une action de parcours pour vérifier les écrans de la modération.", WhatIsNew = "Rien de neuf, c'est un test des écrans de gestion.",
        };
        Assert.True((await services.GetRequiredService<ProposalSubmission>().SubmitAsync(proposal, tenant, "parcours", CancellationToken.None)).Succeeded);
        samples.Add("id", (await services.GetRequiredService<ProposalsDbContext>().Proposals.SingleAsync(p => p.StructureName == proposal.StructureName)).Id);

        // The sites screens (portal only): the walked site itself.
        samples.Add("name", tenant.Name);
        // Vocabularies and one of their terms (« Réglages du site › Vocabulaires »).
        samples.Add("vocabulary", "themes");
        samples.Add("term", "mobilite");
        // The editor guide's pictures (« Aide »): one that the guide shows.
        samples.Add("fileName", "activer-compte.png");
        return samples;
    }

    private void Add(string name, params string[] values)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            _values[name] = list = [];
        }

        list.AddRange(values);
    }

    private static async Task<string> UploadAsync(IMediaLibrary library, string folder, string name)
    {
        using var content = new MemoryStream(MediaTestSupport.Image(40, 30, ".png"));
        var result = await library.UploadAsync(new MediaUpload(folder, name, content, content.Length, "Image de parcours", null, "admin"), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.File!.Path;
    }

    private static async Task<ContentItem> SaveAsync(IContentManager contents, string title, string? image, ContentItem? previous = null)
    {
        var item = previous is null ? contents.New("Initiative") : await EditAsync(contents, previous, title);
        item.Set("Title", title);
        item.Set("Summary", "Résumé " + title);
        if (image is not null)
        {
            item.Set("Image", new JsonObject { ["path"] = image, ["alt"] = "Illustration" });
        }

        item.Owner ??= "admin";
        item.Author = "admin";
        var result = await contents.SaveDraftAsync(item, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Item!;
    }

    private static async Task<ContentItem> EditAsync(IContentManager contents, ContentItem item, string title)
    {
        var latest = (await contents.GetAsync(item.ContentItemId, VersionOptions.Latest, CancellationToken.None))!.Clone();
        latest.Set("Title", title);
        return latest;
    }

    private static async Task<string> CreateUserAsync(IUserAdministration users, string name)
    {
        var created = await users.CreateAsync(name, name + "@example.org", "Parcours-Passw0rd", ["Editor"], CancellationToken.None);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return (await users.FindByNameAsync(name, CancellationToken.None))!.Id;
    }
}
