namespace RallyNov.Laureates;

/// <summary>Field names of the Laureate type.</summary>
public static class LaureateFields
{
    public const string Type = "Laureate";
    public const string Initiative = "Initiative";
    public const string PrizeName = "PrizeName";
    public const string PrizeYear = "PrizeYear";
    public const string Amount = "Amount";
    public const string Summary = "Summary";
    public const string Body = "Body";
    public const string Image = "Image";
    public const string Video = "Video";
}
