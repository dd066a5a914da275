using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Hosting;

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
        var code = await RunAsync(output, "reset-password", "--tenant", "Default", "--user", user);

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

        await RunAsync(bourgogne, "list", "--tenant", "Bourgogne");
        await RunAsync(franche, "list", "--tenant", "FrancheComte");

        Assert.Contains(user, bourgogne.ToString(), StringComparison.Ordinal);
        Assert.Contains("Auteur", bourgogne.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(user, franche.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(TextWriter output, params string[] args) =>
        app.Services.GetServices<ICommandLineVerb>().Single(v => v.Name == "users").RunAsync(new CommandLineContext(args, output), CancellationToken.None);
}
