using System.Net;
using RallyNov.Cms.CommandLine;

namespace RallyNov.Integration.Tests.Users;

/// <summary>The "users" command-line verbs, on the running app's services.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class UserVerbsTests(UsersAppFactory app)
{
    [Fact]
    public async Task Reset_password_prints_a_new_password_that_signs_in_and_unlocks_the_account()
    {
        var user = await app.CreateUserAsync("Default", "Editor");
        using var browser = app.Browser();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await browser.LoginAsync("", user, "Wrong-Passw0rd-" + i);
        }

        using var output = new StringWriter();
        var code = await new UserVerbs(app.Services, output).RunAsync(["reset-password", "--tenant", "Default", "--user", user], CancellationToken.None);

        Assert.Equal(0, code);
        var password = output.ToString().Split('\n')[0].Split(" : ")[1].Trim();
        using var login = await browser.LoginAsync("", user, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task List_shows_the_accounts_of_one_tenant_only()
    {
        var user = await app.CreateUserAsync("Bourgogne", "Author");
        using var bourgogne = new StringWriter();
        using var franche = new StringWriter();

        await new UserVerbs(app.Services, bourgogne).RunAsync(["list", "--tenant", "Bourgogne"], CancellationToken.None);
        await new UserVerbs(app.Services, franche).RunAsync(["list", "--tenant", "FrancheComte"], CancellationToken.None);

        Assert.Contains(user, bourgogne.ToString(), StringComparison.Ordinal);
        Assert.Contains("Auteur", bourgogne.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(user, franche.ToString(), StringComparison.Ordinal);
    }
}
