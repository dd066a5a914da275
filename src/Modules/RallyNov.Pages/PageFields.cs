namespace RallyNov.Pages;

/// <summary>Field names of the News type.</summary>
public static class NewsFields
{
    public const string Date = "Date";
    public const string Summary = "Summary";
    public const string Body = "Body";
    public const string Image = "Image";
}

/// <summary>Field names of the KeyFigures type.</summary>
public static class KeyFigureFields
{
    public const string Year = "Year";
    public const string Figures = "Figures";
    public const string Source = "Source";
}
