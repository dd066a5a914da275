namespace RallyNov.Core.Recipes;

/// <summary>A recipe problem, named by file, step and item so an editor can fix the file.</summary>
public sealed class RecipeException : Exception
{
    public RecipeException(string message)
        : base(message)
    {
    }

    public RecipeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecipeException()
    {
    }

    public static RecipeException For(string file, int stepIndex, string? stepName, string? item, string problem)
    {
        var where = $"Recette « {file} », étape {stepIndex + 1}" + (string.IsNullOrEmpty(stepName) ? "" : $" « {stepName} »");
        if (!string.IsNullOrEmpty(item))
        {
            where += $", élément « {item} »";
        }

        return new RecipeException($"{where} : {problem}");
    }
}
