using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using RallyNov.Core.Recipes;
using RallyNov.Core.Security;
using RallyNov.Users.Security;
using RallyNov.Users.Services;

namespace RallyNov.Users.Recipes;

/// <summary>
/// "users": roles with their permissions, then accounts with their roles.
/// { "name": "users", "roles": [ { "name": "Editor", "permissions": ["ViewContent"] } ],
///   "users": [ { "userName": "marie", "email": "marie@example.org", "roles": ["Editor"], "password": "...", "disabled": false } ] }
/// Same names update. A password is only set when the account is created; exports never contain one
/// (exported accounts need a password reset by an administrator after import).
/// </summary>
internal sealed class UsersStep(
    IRolePermissionService roles,
    IUserAdministration users
) : IRecipeStepHandler, IRecipeExportStep
{
    public string Name => "users";

    // Before content, whose items name their owners.
    public int Order => 5;

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        if (context.Step["roles"] is JsonArray roleArray)
        {
            foreach (var node in roleArray)
            {
                await ImportRoleAsync(context, node, cancellationToken);
            }
        }

        if (context.Step["users"] is JsonArray userArray)
        {
            foreach (var node in userArray)
            {
                await ImportUserAsync(context, node, cancellationToken);
            }
        }
    }

    public async Task<JsonObject?> ExportAsync(CancellationToken cancellationToken)
    {
        var roleArray = new JsonArray();
        foreach (var (name, permissions) in (await roles.GetAllAsync(cancellationToken)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            roleArray.Add(new JsonObject
            {
                ["name"] = name,
                ["permissions"] = new JsonArray([.. permissions.Order(StringComparer.Ordinal).Select(p => (JsonNode)p)]),
            });
        }

        var userArray = new JsonArray();
        foreach (var user in await users.ListAsync(cancellationToken))
        {
            userArray.Add(new JsonObject
            {
                ["userName"] = user.UserName,
                ["email"] = user.Email,
                ["roles"] = new JsonArray([.. user.Roles.Order(StringComparer.Ordinal).Select(r => (JsonNode)r)]),
                ["disabled"] = user.IsDisabled,
            });
        }

        return new JsonObject { ["name"] = Name, ["roles"] = roleArray, ["users"] = userArray };
    }

    private async Task ImportRoleAsync(RecipeStepContext context, JsonNode? node, CancellationToken cancellationToken)
    {
        var name = Text(node, "name") ?? throw context.Fail("chaque rôle doit avoir un « name ».");
        var permissions = Strings(node, "permissions");
        var unknown = permissions.Where(p => !Permissions.IsKnown(p)).ToList();
        if (unknown.Count > 0)
        {
            throw context.Fail($"permission inconnue : {string.Join(", ", unknown)}.", name);
        }

        await roles.SetPermissionsAsync(name, permissions, cancellationToken);
    }

    private async Task ImportUserAsync(RecipeStepContext context, JsonNode? node, CancellationToken cancellationToken)
    {
        var userName = Text(node, "userName") ?? throw context.Fail("chaque utilisateur doit avoir un « userName ».");
        var email = Text(node, "email") ?? throw context.Fail("l'adresse « email » manque.", userName);
        var roleNames = Strings(node, "roles");
        var disabled = node?["disabled"] is JsonValue v && v.TryGetValue<bool>(out var d) && d;

        var existing = await users.FindByNameAsync(userName, cancellationToken);
        var result = existing is null
            ? await users.CreateAsync(userName, email, Text(node, "password"), roleNames, cancellationToken)
            : await users.UpdateAsync(existing.Id, email, roleNames, actingUserId: null, cancellationToken);
        Check(context, userName, result);

        var account = await users.FindByNameAsync(userName, cancellationToken);
        if (account is not null && account.IsDisabled != disabled)
        {
            Check(context, userName, await users.SetDisabledAsync(account.Id, disabled, actingUserId: null, cancellationToken));
        }

    }

    private static void Check(RecipeStepContext context, string item, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw context.Fail(string.Join(" ", result.Errors.Select(e => e.Description)), item);
        }
    }

    private static string? Text(JsonNode? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static List<string> Strings(JsonNode? node, string property) =>
        node?[property] is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
}
