namespace RallyNov.Settings.Admin;

/// <param name="Name">The form field (and id): "PrimaryColor".</param>
public sealed record ColorFieldModel(string Name, string Label, string? Value, string Hint);
