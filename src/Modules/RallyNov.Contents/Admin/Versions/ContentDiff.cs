using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Text;

namespace RallyNov.Contents.Admin.Versions;

public enum DiffOperation
{
    Same,
    Removed,
    Added,
}

/// <summary>A run of words that is in both texts, only in the old one, or only in the new one.</summary>
public sealed record DiffSegment(DiffOperation Operation, string Text);

/// <summary>
/// How one field changed between two versions. <see cref="Old"/> / <see cref="New"/> are the
/// values as plain text; lists (taxonomy, picker) also give what was added and removed; long
/// texts give a word-level diff in <see cref="Words"/>.
/// </summary>
public sealed record FieldChange(
    string Field,
    string Label,
    FieldKind Kind,
    string Old,
    string New,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<DiffSegment>? Words)
{
    public bool IsList => Kind is FieldKind.Taxonomy or FieldKind.ContentPicker;
}

/// <summary>
/// Field-by-field comparison of two versions of an item, driven by its type definition (fields
/// the definition no longer has are ignored). Pure: no database, no I/O, so it is unit-tested alone.
/// </summary>
public static class ContentDiff
{
    /// <summary>Texts longer than this get a word diff instead of "before / after" only.</summary>
    public const int LongTextLength = 80;

    // The word diff is an LCS table: past this many cells it would cost too much; both texts are shown instead.
    private const long MaxDiffCells = 1_000_000;

    public static IReadOnlyList<FieldChange> Compare(ContentTypeDefinition type, JsonObject? older, JsonObject newer)
    {
        var changes = new List<FieldChange>();
        foreach (var field in type.Fields)
        {
            var before = older?[field.Name];
            var after = newer[field.Name];
            if (JsonNode.DeepEquals(Normalize(before), Normalize(after)))
            {
                continue;
            }

            changes.Add(field.Kind switch
            {
                FieldKind.Taxonomy or FieldKind.ContentPicker => ListChange(field, before, after),
                FieldKind.RichText => TextChange(field, HtmlCleaner.ToPlainText(Text(before)), HtmlCleaner.ToPlainText(Text(after)), alwaysWords: true),
                FieldKind.Markdown => TextChange(field, Text(before), Text(after), alwaysWords: true),
                _ => TextChange(field, Display(field, before), Display(field, after), alwaysWords: false),
            });
        }

        return changes;
    }

    /// <summary>Word-level diff (longest common subsequence of whitespace-separated words).</summary>
    public static IReadOnlyList<DiffSegment> Words(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        if ((long)a.Length * b.Length > MaxDiffCells)
        {
            return Merge([new(DiffOperation.Removed, before), new(DiffOperation.Added, after)]);
        }

        // lcs[i, j] = length of the common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var segments = new List<DiffSegment>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                segments.Add(new(DiffOperation.Same, a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // On a tie the removal comes first, so a replaced word reads "old → new".
                segments.Add(new(DiffOperation.Removed, a[x++]));
            }
            else
            {
                segments.Add(new(DiffOperation.Added, b[y++]));
            }
        }

        return Merge(segments);
    }

    private static FieldChange TextChange(ContentFieldDefinition field, string before, string after, bool alwaysWords)
    {
        // Only the markup changed (bold, a link target...): say so rather than show two equal texts.
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return new FieldChange(field.Name, field.DisplayName, field.Kind, before, after, [], [], [new(DiffOperation.Same, "(mise en forme modifiée)")]);
        }

        var words = alwaysWords || before.Length > LongTextLength || after.Length > LongTextLength ? Words(before, after) : null;
        return new FieldChange(field.Name, field.DisplayName, field.Kind, before, after, [], [], words);
    }

    private static FieldChange ListChange(ContentFieldDefinition field, JsonNode? before, JsonNode? after)
    {
        var old = Values(before);
        var now = Values(after);
        return new FieldChange(
            field.Name,
            field.DisplayName,
            field.Kind,
            string.Join(", ", old),
            string.Join(", ", now),
            now.Except(old, StringComparer.Ordinal).ToList(),
            old.Except(now, StringComparer.Ordinal).ToList(),
            null);
    }

    private static string Display(ContentFieldDefinition field, JsonNode? value) => (field.Kind, value) switch
    {
        (_, null) => "",
        (FieldKind.Boolean, JsonValue v) when v.TryGetValue<bool>(out var flag) => flag ? "oui" : "non",
        (FieldKind.Number, JsonValue v) when v.TryGetValue<decimal>(out var number) => number.ToString(CultureInfo.GetCultureInfo("fr-FR")),
        (FieldKind.Link, JsonObject link) => Pair(Text(link["text"]), Text(link["url"])),
        (FieldKind.Media, JsonObject media) => Pair(Text(media["path"]), string.IsNullOrEmpty(Text(media["alt"])) ? "" : "texte alternatif : " + Text(media["alt"])),
        (_, JsonValue v) when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    private static string Pair(string main, string detail) =>
        main.Length == 0 ? detail : detail.Length == 0 ? main : $"{main} ({detail})";

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static List<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(Text).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        JsonValue => Text(node) is { Length: > 0 } one ? [one] : [],
        _ => [],
    };

    // "", null, [] and a missing field all mean "no value": switching between them is not a change.
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0 => null,
        JsonArray { Count: 0 } => null,
        _ => node,
    };

    private static string[] Split(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static List<DiffSegment> Merge(List<DiffSegment> segments)
    {
        var merged = new List<DiffSegment>();
        foreach (var segment in segments.Where(s => s.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Operation == segment.Operation)
            {
                merged[^1] = segment with { Text = merged[^1].Text + " " + segment.Text };
            }
            else
            {
                merged.Add(segment);
            }
        }

        return merged;
    }
}
