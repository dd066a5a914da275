using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RallyNov.Initiatives.Impact;

/// <summary>
/// Reads one row of the impact query: the JSON array <c>[ImpactJobs, ImpactPeople, ImpactVolunteers,
/// ImpactPartners, Departement]</c> the database extracted from an initiative, by the rules of
/// <see cref="ImpactFigures.Of"/> and the taxonomy field reader: a figure is a JSON number (its
/// text parsed as a decimal) between 0 and <see cref="ImpactFigures.Maximum"/>, anything else
/// counts as not declared; the départements are the strings of an array. Read with a
/// <see cref="Utf8JsonReader"/>, without building a document per row.
/// </summary>
internal static class ImpactRow
{
    private const int Figures = 4;

    /// <summary>The row's figures, its départements in <paramref name="departements"/> (cleared first); null for a row of another shape.</summary>
    public static ImpactFigures? TryRead(string? row, List<string> departements)
    {
        departements.Clear();
        if (row is null)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(row.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(row, buffer);
            return Read(new Utf8JsonReader(buffer.AsSpan(0, length)), departements);
        }
        catch (JsonException)
        {
            departements.Clear();
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ImpactFigures? Read(Utf8JsonReader reader, List<string> departements)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        Span<long?> values = stackalloc long?[Figures];
        for (var i = 0; i <= Figures; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                departements.Clear();
                return null; // fewer values than asked for
            }

            if (i < Figures)
            {
                values[i] = reader.TokenType == JsonTokenType.Number
                    && decimal.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? ImpactFigures.Accept(number)
                    : null;
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        departements.Add(reader.GetString()!);
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            departements.Clear();
            return null; // more values than asked for
        }

        var figures = new ImpactFigures(values[0], values[1], values[2], values[3]);
        return figures with { Initiatives = figures.IsEmpty ? 0 : 1 };
    }
}
