using System.Net;
using AngleSharp.Html.Parser;
using RallyNov.Integration.Tests.Infrastructure;
using RallyNov.Integration.Tests.Users;

namespace RallyNov.Integration.Tests.Tenants;

/// <summary>
/// A site created with its first administrator invited instead of given a typed password: without
/// SMTP the link is shown once on the installation page (and can be replaced); with SMTP it is
/// e-mailed to the administrator with the site's own address. Forms are the pages' own.
/// </summary>
[Collection(TenantsAppGroup.Name)]
public sealed class TenantInvitationTests(TenantsAppFactory app)
{
    private const string Chosen = "Choisi-Par-Moi-2026";

    [Fact]
    public async Task Without_email_the_invitation_link_is_shown_once_and_lets_the_administrator_choose_a_password()
    {
        var name = TenantsAppFactory.UniqueName("Doubs");
        var prefix = name.ToLowerInvariant();
        using var admin = await app.PortalAdminAsync();

        // The choice is offered, and an invitation needs no password; the e-mail is still checked.
        var page = await admin.GetPageAsync("/admin/tenants/new");
        Assert.Contains("s'affiche une seule fois à la fin de l'installation (ce serveur n'envoie pas d'e-mails)", SiteBrowser.Text(page), StringComparison.Ordinal);
        using (var refused = await admin.SubmitAsync(InvitationForm(page, name, prefix, "pas-une-adresse")))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var text = SiteBrowser.Text(await refused.Content.ReadAsStringAsync());
            Assert.Contains("L'adresse e-mail de l'administrateur n'est pas valide.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Le mot de passe de l'administrateur est obligatoire.", text, StringComparison.Ordinal);
        }

        Assert.Null(app.Store.Find(name));
        using (var created = await admin.SubmitAsync(InvitationForm(await admin.GetPageAsync("/admin/tenants/new"), name, prefix, "direction@example.org")))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await TenantsAppFactory.WaitForSetupAsync(admin, name);
        var first = await ShownLinkAsync(admin, name);
        Assert.StartsWith($"http://localhost/{prefix}/admin/invitation?token=", first, StringComparison.Ordinal);

        // Shown once: the page now offers a new link instead.
        var again = await admin.GetPageAsync($"/admin/tenants/{name}/setup");
        Assert.DoesNotContain("invitation-link", again, StringComparison.Ordinal);
        Assert.Contains("ne s'affiche plus", SiteBrowser.Text(again), StringComparison.Ordinal);
        Assert.DoesNotContain(new Uri(first).Query, again, StringComparison.Ordinal);

        // The account exists but cannot sign in before choosing its password.
        using (var visitor = app.Site())
        using (var early = await visitor.LoginAsync($"/{prefix}", "direction", Chosen))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        // Lost link: a new one, and the first stops working.
        using (var reissued = await admin.SubmitAsync(SiteBrowser.Form(again, $"/admin/tenants/{name}/invitation")))
        {
            Assert.Equal(HttpStatusCode.Redirect, reissued.StatusCode);
        }

        var second = await ShownLinkAsync(admin, name);
        Assert.NotEqual(first, second);
        using var invitee = app.Site();
        Assert.Contains("ne fonctionne plus", SiteBrowser.Text(await invitee.GetPageAsync(new Uri(first).PathAndQuery)), StringComparison.Ordinal);

        var accept = SiteBrowser.Form(await invitee.GetPageAsync(new Uri(second).PathAndQuery), "/admin/invitation");
        using (var set = await invitee.SubmitAsync(accept.Set("NewPassword", Chosen).Set("ConfirmPassword", Chosen)))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
            Assert.Equal($"/{prefix}/admin/login", set.Headers.Location!.OriginalString);
        }

        using var login = await invitee.LoginAsync($"/{prefix}", "direction", Chosen);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal($"/{prefix}/admin", login.Headers.Location!.OriginalString);
        Assert.Contains($"href=\"/{prefix}/admin/users\"", await invitee.GetPageAsync($"/{prefix}/admin"), StringComparison.Ordinal);
    }

    internal static PageForm InvitationForm(string page, string name, string prefix, string email) =>
        SiteBrowser.Form(page, "/admin/tenants/new")
            .Set("DisplayName", "rally'nov " + name)
            .Set("Name", name)
            .Set("UrlPrefix", prefix)
            .Check("Recipe", "vide")
            .Set("AdminUserName", "direction")
            .Set("AdminEmail", email)
            .Check("AdminAccess", "invitation");

    /// <summary>The link in the installation page's read-only field (asserts it is there).</summary>
    internal static async Task<string> ShownLinkAsync(SiteBrowser admin, string name)
    {
        var html = await admin.GetPageAsync($"/admin/tenants/{name}/setup");
        var field = new HtmlParser().ParseDocument(html).GetElementById("invitation-link");
        Assert.True(field is not null, "No invitation link on the page: " + SiteBrowser.Text(html));
        return field.GetAttribute("value")!;
    }
}

/// <summary>With SMTP: the invitation is e-mailed with the new site's address, and nothing is shown.</summary>
[Collection(AccountsAppGroup.Name)]
public sealed class TenantInvitationByEmailTests(AccountsAppFactory app)
{
    [Fact]
    public async Task The_invitation_is_emailed_with_the_sites_address_and_works()
    {
        var name = TenantsAppFactory.UniqueName("Morvan");
        var prefix = name.ToLowerInvariant();
        var email = prefix + "@example.org";
        using var admin = new SiteBrowser(app.Client());
        using (var signedIn = await admin.LoginAsync("", "admin", SharedSiteFactory.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var page = await admin.GetPageAsync("/admin/tenants/new");
        Assert.Contains("lui est envoyé par e-mail à la fin de l'installation", SiteBrowser.Text(page), StringComparison.Ordinal);
        using (var created = await admin.SubmitAsync(TenantInvitationTests.InvitationForm(page, name, prefix, email)))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await TenantsAppFactory.WaitForSetupAsync(admin, name);
        var setup = await admin.GetPageAsync($"/admin/tenants/{name}/setup");
        Assert.Contains($"Une invitation a été envoyée à {email}", SiteBrowser.Text(setup), StringComparison.Ordinal);
        Assert.DoesNotContain("invitation-link", setup, StringComparison.Ordinal);

        var mail = await app.Sink.WaitForMessageAsync(email);
        Assert.Equal($"Invitation au back-office de rally'nov {name}", mail.Subject);
        var link = SmtpSink.LinkIn(mail, "/admin/invitation");
        Assert.StartsWith($"http://localhost/{prefix}/admin/invitation?token=", link, StringComparison.Ordinal);

        using var invitee = new SiteBrowser(app.Client());
        var accept = SiteBrowser.Form(await invitee.GetPageAsync(new Uri(link).PathAndQuery), "/admin/invitation");
        using (var set = await invitee.SubmitAsync(accept.Set("NewPassword", "Morvan-Choisi-2026").Set("ConfirmPassword", "Morvan-Choisi-2026")))
        {
            Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        }

        using var login = await invitee.LoginAsync($"/{prefix}", "direction", "Morvan-Choisi-2026");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal($"/{prefix}/admin", login.Headers.Location!.OriginalString);
    }
}
