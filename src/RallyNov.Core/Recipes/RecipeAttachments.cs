namespace RallyNov.Core.Recipes;

/// <summary>
/// Files that travel with a recipe, such as the media of a tenant package (.zip). Scoped: whoever
/// runs an import or an export in a scope sets the source or the sink first; steps that own files
/// (the media step) read or add theirs under a folder of their own ("media/..."). Both are null
/// for a plain JSON recipe, and steps then work on metadata only.
/// </summary>
public sealed class RecipeAttachments
{
    public IRecipeFileSource? Source { get; set; }

    public IRecipeFileSink? Sink { get; set; }
}

/// <summary>The files of a recipe being imported.</summary>
public interface IRecipeFileSource
{
    /// <summary>A readable, seekable copy of the file, or null when the package does not hold it.</summary>
    Task<Stream?> OpenAsync(string path, CancellationToken cancellationToken);
}

/// <summary>Receives the files of a recipe being exported.</summary>
public interface IRecipeFileSink
{
    Task AddAsync(string path, Stream content, CancellationToken cancellationToken);
}
