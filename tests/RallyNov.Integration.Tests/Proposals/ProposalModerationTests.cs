using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Auditing;
using RallyNov.Core.Content;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Proposals.Data;
using RallyNov.Proposals.Services;

namespace RallyNov.Integration.Tests.Proposals;

/// <summary>
/// « Propositions » in the back office: accept → the draft is published by an editor; reject; erase;
/// the retention rule; the audit trail; and the contact details in no public output.
/// </summary>
public sealed class ProposalModerationTests(ProposalsAppFactory site) : IClassFixture<ProposalsAppFactory>
{
    private async Task<Proposal> ProposeAsync(string structure, string email, string phone)
    {
        using var visitor = site.Browser();
        var fields = ProposalsAppFactoryBase.ValidForm(structure, "71", email).Where(f => f.Key != "Phone").Append(new("Phone", phone));
        using var response = await visitor.SubmitAsync("/bourgogne/proposer", "/bourgogne/proposer", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.StructureName == structure);
    }

    [Fact]
    public async Task Accepted_and_published_the_initiative_shows_nowhere_its_proposers_contact_details()
    {
        var word = "Zorglub" + Guid.NewGuid().ToString("N")[..6];
        var email = $"contact-{word}@exemple.fr".ToLowerInvariant();
        var proposal = await ProposeAsync("Ressourcerie " + word, email, "03 85 12 34 56");

        using var editor = site.Browser();
        using (var login = await editor.LoginAsync("/bourgogne", "admin", RallyNovFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var dashboard = WebUtility.HtmlDecode(await editor.GetPageAsync("/bourgogne/admin"));
        Assert.Contains("proposition du public à examiner", dashboard, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await editor.GetPageAsync("/bourgogne/admin/proposals"));
        Assert.Contains("Ressourcerie " + word, list, StringComparison.Ordinal);
        var detail = await editor.GetPageAsync($"/bourgogne/admin/proposals/{proposal.Id}");
        Assert.Contains(email, detail, StringComparison.Ordinal);

        using (var accepted = await editor.SubmitAsync($"/bourgogne/admin/proposals/{proposal.Id}", $"/bourgogne/admin/proposals/{proposal.Id}/accept", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.Equal($"/bourgogne/admin/contents/{proposal.ContentItemId}/edit", accepted.Headers.Location?.OriginalString);
        }

        Assert.Equal(ProposalStatus.Accepted, Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.Id == proposal.Id).Status);
        var published = await site.Root.WithContentAsync("Bourgogne", c => c.PublishLatestAsync(proposal.ContentItemId, CancellationToken.None));
        Assert.True(published.Succeeded);

        using var anonymous = site.Factory.CreateClient();
        var page = await anonymous.GetStringAsync($"/bourgogne/initiatives/{published.Item!.Slug}");
        Assert.Contains("Ressourcerie " + word, WebUtility.HtmlDecode(page), StringComparison.Ordinal);

        // Found by the search (the positive control), yet no output carries the contact details.
        // (the index follows the publication log in the background: wait for it).
        var search = "";
        var link = $"href=\"/bourgogne/initiatives/{published.Item.Slug}\"";
        for (var i = 0; i < 50 && !search.Contains(link, StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            search = await anonymous.GetStringAsync($"/bourgogne/recherche?q={word}");
        }

        Assert.Contains(link, search, StringComparison.Ordinal);
        var outputs = new List<string>
        {
            page,
            search,
            await anonymous.GetStringAsync("/bourgogne/api/content/Initiative?pageSize=100"),
            await anonymous.GetStringAsync($"/bourgogne/api/content/Initiative/{published.Item.Slug}"),
            await anonymous.GetStringAsync("/bourgogne/feed.xml"),
            await anonymous.GetStringAsync("/bourgogne/sitemap.xml"),
            (await site.InTenantAsync("Bourgogne", sp => sp.GetRequiredService<RallyNov.Core.Recipes.IRecipeExporter>().ExportAsync(CancellationToken.None))).ToJsonString(),
        };
        foreach (var output in outputs.Select(WebUtility.HtmlDecode))
        {
            Assert.DoesNotContain(email, output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Camille Proposante", output, StringComparison.Ordinal);
            Assert.DoesNotContain("12 34 56", output, StringComparison.Ordinal);
        }

        var actions = await site.InTenantAsync("Bourgogne", sp => sp.GetRequiredService<RallyNov.AuditTrail.Data.AuditTrailDbContext>()
            .AuditEvents.Where(e => e.ItemId == proposal.ContentItemId).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.ProposalSubmitted, actions);
        Assert.Contains(AuditActions.ProposalAccepted, actions);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_then_bins_the_draft_and_erasing_removes_the_contact_details()
    {
        var proposal = await ProposeAsync("Refusée " + Guid.NewGuid().ToString("N")[..6], "refus@exemple.fr", "0600000000");
        using var editor = site.Browser();
        await editor.LoginAsync("/bourgogne", "admin", RallyNovFactory.AdminPassword);
        var detailUrl = $"/bourgogne/admin/proposals/{proposal.Id}";

        using (var noReason = await editor.SubmitAsync(detailUrl, detailUrl + "/reject", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Indiquez la raison du refus.", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var rejected = await editor.SubmitAsync(detailUrl, detailUrl + "/reject", [new("reason", "Hors du champ de l'innovation sociale.")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        }

        var stored = Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.Id == proposal.Id);
        Assert.Equal(ProposalStatus.Rejected, stored.Status);
        Assert.Equal("Hors du champ de l'innovation sociale.", stored.RejectionReason);
        var draft = await site.Root.WithContentAsync("Bourgogne", c => c.GetAsync(proposal.ContentItemId, VersionOptions.Latest, CancellationToken.None));
        Assert.True(draft is null || draft.DeletedUtc is not null);

        using (var erased = await editor.SubmitAsync(detailUrl, detailUrl + "/erase", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        stored = Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.Id == proposal.Id);
        Assert.Null(stored.ContactEmail);
        Assert.Null(stored.ContactName);
        Assert.Null(stored.ContactPhone);
        Assert.NotNull(stored.ErasedUtc);
        Assert.DoesNotContain("refus@exemple.fr", await editor.GetPageAsync(detailUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_details_are_erased_automatically_once_the_retention_period_after_the_decision_is_over()
    {
        var old = await ProposeAsync("Ancienne " + Guid.NewGuid().ToString("N")[..6], "ancienne@exemple.fr", "0611111111");
        var recent = await ProposeAsync("Récente " + Guid.NewGuid().ToString("N")[..6], "recente@exemple.fr", "0622222222");
        var purged = await site.InTenantAsync("Bourgogne", async sp =>
        {
            var db = sp.GetRequiredService<ProposalsDbContext>();
            foreach (var (id, monthsAgo) in new[] { (old.Id, 13), (recent.Id, 11) })
            {
                var p = await db.Proposals.SingleAsync(x => x.Id == id);
                p.Status = ProposalStatus.Accepted;
                p.DecidedUtc = DateTime.UtcNow.AddMonths(-monthsAgo);
            }

            await db.SaveChangesAsync();
            return await sp.GetRequiredService<ProposalModeration>().PurgeExpiredAsync(CancellationToken.None);
        });

        Assert.True(purged >= 1);
        var all = await site.ProposalsAsync("Bourgogne");
        Assert.Null(all.Single(p => p.Id == old.Id).ContactEmail);
        Assert.Equal("recente@exemple.fr", all.Single(p => p.Id == recent.Id).ContactEmail);
    }
}
