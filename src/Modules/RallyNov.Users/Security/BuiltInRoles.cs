using RallyNov.Core.Security;

namespace RallyNov.Users.Security;

/// <summary>The four roles every tenant starts with, and the permissions they get at setup.</summary>
public static class BuiltInRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Editor = nameof(Editor);
    public const string Author = nameof(Author);
    public const string Contributor = nameof(Contributor);

    public static IReadOnlyList<RoleDescriptor> All { get; } =
    [
        // Administrator holds every permission whatever is stored, so a tenant cannot lock itself out.
        new(Administrator, "Administrateur", "Tout, y compris les utilisateurs et les réglages.", [.. Permissions.All.Select(p => p.Name)]),
        new(Editor, "Éditeur", "Tous les contenus, la médiathèque et les vocabulaires.",
            [Permissions.ViewContent, Permissions.EditContent, Permissions.PublishContent, Permissions.DeleteContent, Permissions.ManageMedia, Permissions.ManageTaxonomies]),
        new(Author, "Auteur", "Ses propres contenus, qu'il peut publier.",
            [Permissions.ViewContent, Permissions.EditOwnContent, Permissions.PublishOwnContent, Permissions.DeleteOwnContent, Permissions.ManageMedia]),
        new(Contributor, "Contributeur", "Ses propres brouillons, soumis à relecture ; ne publie pas.",
            [Permissions.ViewContent, Permissions.EditOwnContent]),
    ];

    public static RoleDescriptor? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>French name of a role for the back office (the stored name otherwise).</summary>
    public static string DisplayName(string name) => Find(name)?.DisplayName ?? name;
}

public sealed record RoleDescriptor(string Name, string DisplayName, string Description, IReadOnlyList<string> DefaultPermissions);
