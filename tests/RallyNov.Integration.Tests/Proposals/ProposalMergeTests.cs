using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Initiatives;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Proposals.Data;

namespace RallyNov.Integration.Tests.Proposals;

/// <summary>
/// « Fusionner avec une initiative existante »: the proposal fills only the initiative's empty
/// fields in a new draft (the published version is untouched), the proposal is closed as merged
/// with its decision date, audited, and the errors come back in French with nothing lost.
/// </summary>
public sealed class ProposalMergeTests(ProposalsAppFactory site) : IClassFixture<ProposalsAppFactory>
{
    [Fact]
    public async Task Merging_fills_only_the_empty_fields_of_the_initiative_in_an_unpublished_draft()
    {
        var word = Guid.NewGuid().ToString("N")[..6];
        var existing = await site.Root.WithContentAsync("Bourgogne", c =>
        {
            var item = c.New(InitiativeFields.Type);
            item.Set("Title", "Épicerie existante " + word);
            item.Set(InitiativeFields.Summary, "Le résumé écrit par l'éditeur.");
            return c.PublishAsync(item, CancellationToken.None);
        });
        Assert.True(existing.Succeeded, string.Join(" ", existing.Errors.Select(e => e.Message)));
        var initiativeId = existing.Item!.ContentItemId;

        using (var visitor = site.Browser())
        using (var sent = await visitor.SubmitAsync("/bourgogne/proposer", "/bourgogne/proposer", ProposalsAppFactoryBase.ValidForm("Fusion " + word, "71", "fusion@exemple.fr")))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var proposal = Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.StructureName == "Fusion " + word);
        using var editor = site.Browser();
        await editor.LoginAsync("/bourgogne", "admin", RallyNovFactory.AdminPassword);
        var detailUrl = $"/bourgogne/admin/proposals/{proposal.Id}";

        // No initiative chosen: a French error next to the list, the proposal still pending.
        using (var none = await editor.SubmitAsync(detailUrl, detailUrl + "/merge", [new("initiative", "")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
            Assert.Contains("Choisissez l'initiative avec laquelle fusionner la proposition.", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var unknown = await editor.SubmitAsync(detailUrl, detailUrl + "/merge", [new("initiative", "inconnue")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("Cette initiative n'existe pas (ou plus) sur ce site", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal(ProposalStatus.Pending, Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.Id == proposal.Id).Status);
        Assert.Contains($"value=\"{initiativeId}\"", await editor.GetPageAsync(detailUrl + "?titre=" + word), StringComparison.Ordinal);

        // A second moderator's page, opened before the merge: its form is stale once the proposal is decided.
        var stale = HtmlForm.Find(await editor.GetPageAsync(detailUrl), detailUrl, detailUrl + "/merge");
        var before = DateTime.UtcNow.AddSeconds(-1);
        using (var merged = await editor.SubmitAsync(detailUrl, detailUrl + "/merge", [new("initiative", initiativeId)]))
        {
            Assert.True(HttpStatusCode.Redirect == merged.StatusCode, System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(await merged.Content.ReadAsStringAsync()), "id=\"initiative-error\">[^<]*").Value);
        }

        var stored = Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.Id == proposal.Id);
        Assert.Equal(ProposalStatus.Merged, stored.Status);
        Assert.Equal(initiativeId, stored.MergedIntoId);
        Assert.True(stored.DecidedUtc >= before, "the decision date starts the retention clock");
        Assert.Equal("fusion@exemple.fr", stored.ContactEmail);

        var latest = await site.Root.WithContentAsync("Bourgogne", c => c.GetAsync(initiativeId, VersionOptions.Latest, CancellationToken.None));
        var published = await site.Root.WithContentAsync("Bourgogne", c => c.GetAsync(initiativeId, VersionOptions.Published, CancellationToken.None));
        Assert.NotNull(latest);
        Assert.False(latest.Published);
        Assert.Equal("Le résumé écrit par l'éditeur.", latest.GetString(InitiativeFields.Summary));
        Assert.Equal("Épicerie existante " + word, latest.DisplayText);
        Assert.Equal("Besançon", latest.GetString(InitiativeFields.City));
        Assert.Contains("Les familles fixent elles-mêmes les prix", latest.GetString(InitiativeFields.Body), StringComparison.Ordinal);
        Assert.Null(latest.GetString(InitiativeFields.Source));
        Assert.DoesNotContain("fusion@exemple.fr", latest.Content.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(published);
        Assert.Null(published.GetString(InitiativeFields.City));

        // The proposal's own draft went to the bin, and the page shows the state and the link.
        var draft = await site.Root.WithContentAsync("Bourgogne", c => c.GetAsync(proposal.ContentItemId, VersionOptions.Latest, CancellationToken.None));
        Assert.True(draft is null || draft.DeletedUtc is not null);
        var page = WebUtility.HtmlDecode(await editor.GetPageAsync(detailUrl));
        Assert.Contains("fusionnée", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/bourgogne/admin/contents/{initiativeId}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains("fusionnée", WebUtility.HtmlDecode(await editor.GetPageAsync("/bourgogne/admin/proposals?status=decided")), StringComparison.Ordinal);

        var actions = await site.InTenantAsync("Bourgogne", sp => sp.GetRequiredService<RallyNov.AuditTrail.Data.AuditTrailDbContext>()
            .AuditEvents.Where(e => e.ItemId == proposal.ContentItemId).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.ProposalMerged, actions);

        // Decided already: a second merge is refused in French and changes nothing.
        using (var again = await editor.SubmitAsync(stale, [new("initiative", initiativeId)]))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("Cette proposition a déjà été traitée", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }
}
