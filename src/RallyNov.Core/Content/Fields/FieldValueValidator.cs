using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Text;

namespace RallyNov.Core.Content.Fields;

/// <summary>
/// Checks and normalizes a content document against its type: shapes, rules of the definition,
/// sanitized HTML, folded slugs. References to terms and other items are checked by the
/// content manager afterwards, in one query each.
/// </summary>
public static class FieldValueValidator
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".gif"];
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>Returns the normalized document; <paramref name="errors"/> receives the problems.</summary>
    /// <param name="cancellationToken">Stops the sanitizing of rich text when the request that sent it is gone.</param>
    public static JsonObject Normalize(ContentTypeDefinition type, JsonObject content, List<ContentValidationError> errors, CancellationToken cancellationToken = default)
    {
        var result = new JsonObject();
        foreach (var property in content)
        {
            if (type.Field(property.Key) is null)
            {
                errors.Add(new ContentValidationError(property.Key, $"Le champ « {property.Key} » n'existe pas pour le type {type.DisplayName}."));
            }
        }

        foreach (var field in type.Fields)
        {
            var value = content[field.Name];
            var normalized = NormalizeField(field, value, errors, cancellationToken);
            if (normalized is not null)
            {
                result[field.Name] = normalized;
            }
            else if (field.Required)
            {
                errors.Add(new ContentValidationError(field.Name, $"Le champ « {field.DisplayName} » est obligatoire."));
            }
        }

        return result;
    }

    private static JsonNode? NormalizeField(ContentFieldDefinition field, JsonNode? value, List<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return field.Kind switch
            {
                FieldKind.Text => NormalizeText(field, value, errors),
                FieldKind.RichText => NormalizeRichText(field, value, errors, cancellationToken),
                FieldKind.Markdown => NormalizeMarkdown(field, value, errors, cancellationToken),
                FieldKind.Slug => NormalizeSlug(field, value, errors),
                FieldKind.Number => NormalizeNumber(field, value, errors),
                FieldKind.Boolean => value.GetValue<bool>() ? JsonValue.Create(true) : JsonValue.Create(false),
                FieldKind.DateTime => NormalizeDate(field, value, errors),
                FieldKind.Link => NormalizeLink(field, value, errors),
                FieldKind.Media => NormalizeMedia(field, value, errors),
                FieldKind.Taxonomy or FieldKind.ContentPicker => NormalizeList(field, value, errors),
                _ => throw new InvalidOperationException($"Unknown field kind {field.Kind}."),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            errors.Add(new ContentValidationError(field.Name, $"La valeur du champ « {field.DisplayName} » n'a pas le bon format."));
            return null;
        }
    }

    /// <summary>A string value without the characters XML forbids: they break feeds and are never typed on purpose.</summary>
    private static string? AsString(JsonNode? value) => XmlText.StripOrNull(value?.GetValue<string>());

    private static JsonNode? NormalizeText(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        var text = AsString(value)?.Trim();
        if (field.Multiline && text is not null)
        {
            // Browsers post a textarea's line breaks as CRLF; the character counter counts one each.
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (!string.IsNullOrEmpty(text) && field.Options.Count > 0 && !field.Options.Contains(text, StringComparer.Ordinal))
        {
            errors.Add(new ContentValidationError(field.Name, $"« {text} » n'est pas un choix possible pour « {field.DisplayName} »."));
            return null;
        }

        return NormalizeLength(field, text, errors);
    }

    private static JsonNode? NormalizeLength(ContentFieldDefinition field, string? text, List<ContentValidationError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (field.MaxLength is { } max && text.Length > max)
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » ne doit pas dépasser {max} caractères (actuellement {text.Length})."));
        }

        return JsonValue.Create(text);
    }

    private static JsonNode? NormalizeRichText(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        string html;
        try
        {
            // Measured before it is parsed: nesting and size are what make sanitizing expensive.
            html = HtmlCleaner.Sanitize(AsString(value), cancellationToken);
        }
        catch (HtmlTooComplexException ex)
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » {ex.Message}"));
            return JsonValue.Create(""); // refused: not "obligatoire" on top of it
        }

        var plain = HtmlCleaner.ToPlainText(html);
        if (plain.Length == 0 && !html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (field.MaxLength is { } max && plain.Length > max)
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » ne doit pas dépasser {max} caractères de texte."));
        }

        if (RichTextRules.ImagesWithoutAlt(html) is var missing and > 0)
        {
            errors.Add(new ContentValidationError(
                field.Name,
                $"« {field.DisplayName} » : {(missing == 1 ? "une image n'a pas" : $"{missing} images n'ont pas")} de texte alternatif. Décrivez chaque image pour les personnes qui ne la voient pas."));
        }

        return JsonValue.Create(html);
    }

    private static JsonNode? NormalizeMarkdown(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors, CancellationToken cancellationToken)
    {
        var text = AsString(value)?.Trim();
        var normalized = NormalizeLength(field, text, errors);
        if (normalized is not null && !MarkdownRenderer.TryToHtml(text, cancellationToken, out _, out var problem))
        {
            // Rendered on display: what cannot be rendered is refused now, not found by a visitor.
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » {problem}"));
        }

        return normalized;
    }

    private static JsonNode? NormalizeSlug(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        var raw = AsString(value)?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var slug = SlugHelper.Slugify(raw);
        if (slug.Length == 0)
        {
            errors.Add(new ContentValidationError(field.Name, $"« {raw} » ne peut pas servir d'adresse : utilisez des lettres ou des chiffres."));
            return null;
        }

        return JsonValue.Create(slug);
    }

    private static JsonNode? NormalizeNumber(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        decimal number;
        if (value.GetValueKind() == JsonValueKind.String)
        {
            // French writes « 1 200 » (space, no-break space or narrow no-break space between thousands) and « 2,5 ».
            var text = AsString(value)?.Trim().Replace(',', '.').Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out number))
            {
                errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » doit être un nombre."));
                return null;
            }
        }
        else
        {
            // GetValue<decimal> only reads values parsed from JSON text or built from a decimal;
            // an item filled in code (item.Set("Year", 2020)) holds an int, a long or a double.
            // The serializer reads any JSON number whatever its CLR type.
            try
            {
                number = JsonSerializer.Deserialize<decimal>(value);
            }
            catch (ArgumentException ex)
            {
                // NaN and infinities cannot be written as JSON numbers.
                throw new FormatException(ex.Message, ex);
            }
        }

        if (field.Integer && number != decimal.Truncate(number))
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » doit être un nombre entier."));
        }

        if (field.Minimum is { } min && number < min || field.Maximum is { } maxValue && number > maxValue)
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » doit être compris entre {field.Minimum} et {field.Maximum}."));
        }

        return field.Integer && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
            ? JsonValue.Create((long)number)
            : JsonValue.Create(number);
    }

    private static JsonNode? NormalizeDate(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        var text = AsString(value)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (field.DateOnly)
        {
            if (System.DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        else if (System.DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            return JsonValue.Create(dateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        }
        else if (System.DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dayOnly))
        {
            // A date without time is accepted for date-time fields: some facts only give the day.
            return JsonValue.Create(dayOnly.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var expected = field.DateOnly ? "AAAA-MM-JJ" : "AAAA-MM-JJTHH:MM";
        errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » doit être une date au format {expected}."));
        return null;
    }

    private static JsonNode? NormalizeLink(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        var obj = value.AsObject();
        var url = AsString(obj["url"])?.Trim();
        var text = AsString(obj["text"])?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            if (!string.IsNullOrEmpty(text))
            {
                errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : l'adresse du lien manque."));
            }

            return null;
        }

        if (!IsSafeUrl(url))
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : l'adresse doit commencer par https://, http://, mailto: ou / (une seule barre oblique, sans barre oblique inversée)."));
            return null;
        }

        var result = new JsonObject { ["url"] = url };
        if (!string.IsNullOrEmpty(text))
        {
            result["text"] = text;
        }

        return result;
    }

    private static JsonNode? NormalizeMedia(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        var obj = value.AsObject();
        var path = AsString(obj["path"])?.Trim();
        var alt = AsString(obj["alt"])?.Trim();
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        if (path.Contains("..", StringComparison.Ordinal) || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : chemin de média invalide."));
            return null;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!ImageExtensions.Contains(extension) && !(field.AllowSvg && extension == ".svg"))
        {
            errors.Add(new ContentValidationError(
                field.Name,
                extension == ".svg"
                    ? $"« {field.DisplayName} » n'accepte pas les images SVG : choisissez une image JPEG, PNG, WebP ou GIF."
                    : $"« {field.DisplayName} » attend une image JPEG, PNG, WebP ou GIF{(field.AllowSvg ? " (ou SVG)" : "")}."));
            return null;
        }

        if (string.IsNullOrEmpty(alt))
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : le texte alternatif de l'image est obligatoire."));
            return null;
        }

        return new JsonObject { ["path"] = path, ["alt"] = alt };
    }

    private static JsonNode? NormalizeList(ContentFieldDefinition field, JsonNode value, List<ContentValidationError> errors)
    {
        IEnumerable<JsonNode?> items = value is JsonArray array ? array : [value];
        var values = items
            .Select(v => AsString(v)?.Trim())
            .Where(v => !string.IsNullOrEmpty(v))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (values.Count == 0)
        {
            return null;
        }

        if (!field.Multiple && values.Count > 1)
        {
            errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » n'accepte qu'une seule valeur."));
        }

        return new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v!)).ToArray());
    }

    /// <summary>
    /// A link editors may set: http(s), mailto, or a path of this site. Browsers read "/\host" and
    /// "/\\host" as "//host" (another site) and drop tabs and line breaks from URLs, so a
    /// backslash, or any control character (tab and line breaks included), is refused.
    /// </summary>
    public static bool IsSafeUrl(string url)
    {
        if (url.Length == 0 || url.Any(char.IsControl))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto)
            && !url.Contains('\\', StringComparison.Ordinal);
    }
}
