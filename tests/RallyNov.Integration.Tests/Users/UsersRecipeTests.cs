using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Recipes;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Integration.Tests.Users;

/// <summary>The "users" recipe step, in the recipe's single transaction.</summary>
[Collection(UsersAppGroup.Name)]
public sealed class UsersRecipeTests(UsersAppFactory app)
{
    [Fact]
    public async Task Roles_and_users_are_imported_and_exported_without_passwords()
    {
        var name = "recipe-" + Guid.NewGuid().ToString("N")[..8];
        var recipe = JsonNode.Parse($$"""
            { "name": "test", "steps": [ { "name": "users",
                "roles": [ { "name": "Relecteur", "permissions": ["ViewContent", "PublishContent"] } ],
                "users": [ { "userName": "{{name}}", "email": "{{name}}@example.org", "roles": ["Relecteur", "Author"], "password": "{{UsersAppFactory.UserPassword}}" } ] } ] }
            """)!.AsObject();

        await using (var scope = app.Scope("Default"))
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "test.recipe.json", CancellationToken.None);
        }

        await using (var scope = app.Scope("Default"))
        {
            var user = await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None);
            Assert.Equal(["Author", "Relecteur"], user!.Roles.Order(StringComparer.Ordinal));
            var granted = await scope.ServiceProvider.GetRequiredService<IRolePermissionService>().GetPermissionsAsync(["Relecteur"], CancellationToken.None);
            Assert.Equal(["PublishContent", "ViewContent"], granted.Order(StringComparer.Ordinal));

            var export = await scope.ServiceProvider.GetRequiredService<IRecipeExporter>().ExportAsync(CancellationToken.None);
            var step = export["steps"]!.AsArray().Single(s => (string?)s!["name"] == "users")!;
            var exported = step["users"]!.AsArray().Single(u => (string?)u!["userName"] == name)!.AsObject();
            Assert.False(exported.ContainsKey("password"));
            Assert.DoesNotContain("Passw0rd", step.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("AQAAAA", step.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failing_later_step_rolls_the_users_back()
    {
        var name = "rollback-" + Guid.NewGuid().ToString("N")[..8];
        var recipe = JsonNode.Parse($$"""
            { "name": "test", "steps": [
                { "name": "users", "users": [ { "userName": "{{name}}", "email": "{{name}}@example.org", "roles": ["Editor"] } ] },
                { "name": "content", "items": [ { "contentItemId": "x", "contentType": "NoSuchType", "content": {} } ] } ] }
            """)!.AsObject();

        await using (var scope = app.Scope("Bourgogne"))
        {
            await Assert.ThrowsAsync<RecipeException>(() =>
                scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "test.recipe.json", CancellationToken.None));
        }

        await using (var scope = app.Scope("Bourgogne"))
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<IUserAdministration>().FindByNameAsync(name, CancellationToken.None));
        }
    }

    [Fact]
    public async Task An_unknown_permission_stops_the_recipe_with_a_french_message()
    {
        var recipe = JsonNode.Parse("""
            { "name": "test", "steps": [ { "name": "users", "roles": [ { "name": "Bizarre", "permissions": ["FlyToTheMoon"] } ] } ] }
            """)!.AsObject();

        await using var scope = app.Scope("Bourgogne");
        var error = await Assert.ThrowsAsync<RecipeException>(() =>
            scope.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe, "test.recipe.json", CancellationToken.None));
        Assert.Contains("permission inconnue", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bizarre", error.Message, StringComparison.Ordinal);
    }
}
