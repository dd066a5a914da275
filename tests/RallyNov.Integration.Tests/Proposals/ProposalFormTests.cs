using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Proposals.Data;

namespace RallyNov.Integration.Tests.Proposals;

/// <summary>The public form: validation next to each field, nothing lost, routing by département, spam.</summary>
public sealed class ProposalFormTests(ProposalsAppFactory site) : IClassFixture<ProposalsAppFactory>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task An_incomplete_form_comes_back_with_french_errors_next_to_each_field_and_keeps_every_value()
    {
        using var browser = site.Browser();
        var structure = "Atelier " + Guid.NewGuid().ToString("N")[..8];
        var fields = ProposalsAppFactoryBase.ValidForm(structure, "", "pas-une-adresse")
            .Where(f => f.Key is not ("Consent" or "WhatIsNew"))
            .Append(new("WhatIsNew", "trop court"))
            .ToList();

        using var response = await browser.SubmitAsync("/proposer", "/proposer", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choisissez le département de la structure.", document.GetElementById("Departement-error")?.TextContent);
        Assert.StartsWith("Cette adresse électronique n'est pas valide", document.GetElementById("Email-error")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Quelques phrases", document.GetElementById("WhatIsNew-error")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("Consent-error"));
        Assert.Equal("true", document.GetElementById("Email")!.GetAttribute("aria-invalid"));
        Assert.Contains("Email-error", document.GetElementById("Email")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);

        // What the person typed is still there.
        Assert.Equal(structure, document.GetElementById("StructureName")!.GetAttribute("value"));
        Assert.Equal("pas-une-adresse", document.GetElementById("Email")!.GetAttribute("value"));
        Assert.Equal("03 81 99 88 77", document.GetElementById("Phone")!.GetAttribute("value"));
        Assert.Contains("épicerie solidaire", document.GetElementById("WhatItDoes")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("input[name=Themes][value=solidarite][checked]"));
        Assert.Equal("association", document.QuerySelector("#StructureKind option[selected]")?.GetAttribute("value"));

        Assert.DoesNotContain(await site.ProposalsAsync("Default"), p => p.StructureName == structure);
    }

    [Fact]
    public async Task A_proposal_made_on_the_portal_for_a_Doubs_structure_lands_in_Franche_Comte_as_a_draft_awaiting_review()
    {
        using var browser = site.Browser();
        var structure = "Épicerie " + Guid.NewGuid().ToString("N")[..8];

        using var response = await browser.SubmitAsync("/proposer", "/proposer", ProposalsAppFactoryBase.ValidForm(structure, "25", "camille@exemple.fr"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/proposer/merci", response.Headers.Location?.OriginalString);
        using var thanks = await browser.GetAsync("/proposer/merci");
        Assert.Contains("transmise à l'équipe de rally'nov Franche-Comté", WebUtility.HtmlDecode(await thanks.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var proposal = Assert.Single(await site.ProposalsAsync("FrancheComte"), p => p.StructureName == structure);
        Assert.Equal(ProposalStatus.Pending, proposal.Status);
        Assert.Equal("camille@exemple.fr", proposal.ContactEmail);
        Assert.Equal("03 81 99 88 77", proposal.ContactPhone);
        Assert.DoesNotContain(await site.ProposalsAsync("Default"), p => p.StructureName == structure);

        var draft = await site.Root.WithContentAsync("FrancheComte", c => c.GetAsync(proposal.ContentItemId, RallyNov.Core.Content.VersionOptions.Latest, CancellationToken.None));
        Assert.NotNull(draft);
        Assert.False(draft.Published);
        Assert.NotNull(draft.ReviewRequestedUtc);
        Assert.Equal("Proposition publique", draft.GetString("Source"));
        Assert.Equal("Besançon", draft.GetString("City"));

        // The contact details are not in the content item at all.
        var json = draft.Content.ToJsonString();
        Assert.DoesNotContain("camille@exemple.fr", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Camille Proposante", json, StringComparison.Ordinal);
        Assert.DoesNotContain("99 88 77", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposal_for_a_Cote_d_Or_structure_made_in_Franche_Comte_goes_to_Bourgogne()
    {
        using var browser = site.Browser();
        var structure = "Garage " + Guid.NewGuid().ToString("N")[..8];

        using var response = await browser.SubmitAsync("/franche-comte/proposer", "/franche-comte/proposer", ProposalsAppFactoryBase.ValidForm(structure, "21", "dominique@exemple.fr"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var proposal = Assert.Single(await site.ProposalsAsync("Bourgogne"), p => p.StructureName == structure);
        Assert.Equal("rally'nov Franche-Comté", proposal.SubmittedOn);
        Assert.DoesNotContain(await site.ProposalsAsync("FrancheComte"), p => p.StructureName == structure);
    }

    [Fact]
    public async Task A_robot_filling_the_hidden_field_sees_the_confirmation_but_nothing_is_kept()
    {
        using var browser = site.Browser();
        var structure = "Robot " + Guid.NewGuid().ToString("N")[..8];

        using var response = await browser.SubmitAsync("/proposer", "/proposer", [.. ProposalsAppFactoryBase.ValidForm(structure, "21", "robot@exemple.fr"), new("Commentaire", "http://spam.example")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/proposer/merci", response.Headers.Location?.OriginalString);
        foreach (var tenant in new[] { "Default", "Bourgogne", "FrancheComte" })
        {
            Assert.DoesNotContain(await site.ProposalsAsync(tenant), p => p.StructureName == structure);
        }
    }
}

/// <summary>Minimum fill time and the hourly allowance per address.</summary>
public sealed class ProposalGuardTests(GuardedProposalsAppFactory site) : IClassFixture<GuardedProposalsAppFactory>
{
    [Fact]
    public async Task A_form_sent_too_fast_is_refused_with_its_values_kept_then_the_allowance_ends_with_429()
    {
        Assert.Equal(4, site.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RallyNov.Proposals.ProposalsOptions>>().Value.MinimumFillSeconds);
        using var browser = site.Browser();
        var form = HtmlForm.Find(await browser.GetPageAsync("/bourgogne/proposer"), "/bourgogne/proposer", "/bourgogne/proposer");

        using (var tooFast = await browser.SubmitAsync(form, ProposalsAppFactoryBase.ValidForm("Trop rapide", "21", "a@exemple.fr")))
        {
            Assert.Equal(HttpStatusCode.OK, tooFast.StatusCode);
            var html = WebUtility.HtmlDecode(await tooFast.Content.ReadAsStringAsync());
            Assert.Contains("envoyé très vite", html, StringComparison.Ordinal);
            Assert.Contains("value=\"Trop rapide\"", html, StringComparison.Ordinal);
        }

        await Task.Delay(4100);
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await browser.SubmitAsync(form, ProposalsAppFactoryBase.ValidForm("Permis " + i, "21", "a@exemple.fr"));
            Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());
        }

        using var refused = await browser.SubmitAsync(form, ProposalsAppFactoryBase.ValidForm("De trop", "21", "a@exemple.fr"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Réessayez un peu plus tard", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var kept = (await site.ProposalsAsync("Bourgogne")).Select(p => p.StructureName).ToList();
        Assert.Equal(["Permis 0", "Permis 1"], kept.Order(StringComparer.Ordinal));
    }
}
