namespace RallyNov.Users.Models;

/// <summary>The role × permission grid of the roles screen.</summary>
public sealed class RolesViewModel
{
    public IReadOnlyList<string> Roles { get; set; } = [];

    public IReadOnlyDictionary<string, IReadOnlySet<string>> Granted { get; set; } = new Dictionary<string, IReadOnlySet<string>>();

    public bool IsGranted(string role, string permission) => Granted.TryGetValue(role, out var set) && set.Contains(permission);

    /// <summary>The posted value of a checkbox: "Editor:PublishContent".</summary>
    public static string Key(string role, string permission) => role + ":" + permission;
}
