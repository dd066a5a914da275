using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Tenants;

namespace RallyNov.Initiatives.OpenData;

/// <summary>/donnees: the page that documents the open data, the CSV and JSON files and their Table Schema.</summary>
public sealed class OpenDataController(OpenDataExporter exporter, ITenantLinks links) : Controller
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("/donnees")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new OpenDataViewModel(exporter.RegionWide, (await exporter.RowsAsync(cancellationToken)).Count));

    [HttpGet("/donnees/initiatives.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var rows = await exporter.RowsAsync(cancellationToken);
        var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(OpenDataColumns.All.Select(c => c.Name).ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(OpenDataColumns.All.Select(c => row[c.Name]).ToArray());
            }

            await csv.FlushAsync(cancellationToken);
        }

        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", "initiatives.csv");
    }

    [HttpGet("/donnees/initiatives.json")]
    public async Task<IActionResult> JsonFile(CancellationToken cancellationToken)
    {
        var rows = await exporter.RowsAsync(cancellationToken);
        var items = new JsonArray();
        foreach (var row in rows)
        {
            var item = new JsonObject();
            foreach (var column in OpenDataColumns.All)
            {
                var value = row[column.Name];
                item[column.Name] = column.Name == "themes"
                    ? new JsonArray(value.Split(OpenDataColumns.ListSeparator, StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode)JsonValue.Create(v)).ToArray())
                    : column.Type == "integer" ? (value.Length == 0 ? null : JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)))
                    : JsonValue.Create(value);
            }

            items.Add(item);
        }

        var document = new JsonObject
        {
            ["licence"] = OpenDataColumns.Licence,
            ["licence_url"] = OpenDataColumns.LicenceUrl,
            ["schema"] = links.Absolute("/donnees/initiatives.schema.json"),
            ["initiatives"] = items,
        };
        return Content(document.ToJsonString(Indented), "application/json; charset=utf-8", Encoding.UTF8);
    }

    [HttpGet("/donnees/initiatives.schema.json")]
    public IActionResult Schema()
    {
        var schema = new JsonObject
        {
            ["name"] = "initiatives-rallynov",
            ["title"] = "Initiatives socialement innovantes repérées par rally'nov",
            ["licenses"] = new JsonArray(new JsonObject { ["title"] = OpenDataColumns.Licence, ["path"] = OpenDataColumns.LicenceUrl }),
            ["primaryKey"] = "identifiant",
            ["fields"] = new JsonArray(OpenDataColumns.All.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["title"] = c.Title,
                ["description"] = c.Description,
            }).ToArray()),
        };
        return Content(schema.ToJsonString(Indented), "application/schema+json; charset=utf-8", Encoding.UTF8);
    }
}

public sealed record OpenDataViewModel(bool RegionWide, int Count);
