namespace RallyNov.Core.Content;

/// <summary>A validation problem, in French, attached to a field (or "" for the whole item).</summary>
public sealed record ContentValidationError(string Field, string Message);

public enum ContentResultStatus
{
    Success,
    Invalid,
    Conflict,
    NotFound,
}

/// <summary>The outcome of a save or publish; on failure nothing was written.</summary>
public sealed record ContentResult(ContentResultStatus Status, ContentItem? Item, IReadOnlyList<ContentValidationError> Errors)
{
    public bool Succeeded => Status == ContentResultStatus.Success;

    public static ContentResult Ok(ContentItem item) => new(ContentResultStatus.Success, item, []);

    public static ContentResult Invalid(IReadOnlyList<ContentValidationError> errors) => new(ContentResultStatus.Invalid, null, errors);

    public static ContentResult NotFound() =>
        new(ContentResultStatus.NotFound, null, [new ContentValidationError("", "Ce contenu n'existe pas ou a été supprimé.")]);

    public static ContentResult Conflict() => new(ContentResultStatus.Conflict, null,
        [new ContentValidationError("", "Ce contenu a été modifié par quelqu'un d'autre pendant votre édition. Rechargez la page pour voir la dernière version ; vos changements n'ont pas été enregistrés.")]);
}
