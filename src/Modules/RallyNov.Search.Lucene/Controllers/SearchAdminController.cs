using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Data;
using RallyNov.Core.Indexing;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Core.Time;
using RallyNov.Search.Lucene.Indexing;

namespace RallyNov.Search.Lucene.Controllers;

/// <summary>Search settings in the back office: index state and a background rebuild.</summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageSettings)]
public sealed class SearchAdminController(
    ISearchIndexer indexer,
    SearchRebuildCoordinator rebuilds,
    RallyNovDbContext db,
    TenantContext tenant) : Controller
{
    [HttpGet("/admin/recherche")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await StatusAsync(cancellationToken));

    /// <summary>The same figures as JSON, polled by the page while a rebuild runs.</summary>
    [HttpGet("/admin/recherche/etat")]
    public async Task<IActionResult> State(CancellationToken cancellationToken) => Json(await StatusAsync(cancellationToken));

    [HttpPost("/admin/recherche/reconstruire")]
    public IActionResult Rebuild()
    {
        TempData["Message"] = rebuilds.Start(tenant.Settings)
            ? "La reconstruction de l'index a démarré. Le site continue de répondre avec l'index actuel jusqu'à la fin."
            : "Une reconstruction est déjà en cours.";
        return RedirectToAction(nameof(Index));
    }

    private static string KindName(IndexingTaskKind kind) => kind switch
    {
        IndexingTaskKind.Publish => "publication",
        IndexingTaskKind.Unpublish => "dépublication",
        _ => "suppression",
    };

    private async Task<SearchAdminStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var index = indexer.Info();
        var lastTask = await db.IndexingTasks.AsNoTracking().OrderByDescending(t => t.Id)
            .Select(t => new { t.Id, t.Kind, t.ContentItemId, t.CreatedUtc }).FirstOrDefaultAsync(cancellationToken);
        var pending = await db.IndexingTasks.CountAsync(t => t.Id > index.Cursor, cancellationToken);
        return new SearchAdminStatus(
            index.Documents,
            index.Cursor,
            lastTask?.Id ?? 0,
            lastTask is null ? null : $"{KindName(lastTask.Kind)} · {lastTask.ContentItemId} · {ParisTimeZone.FromUtc(lastTask.CreatedUtc).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture)}",
            pending,
            index.LastRebuildUtc,
            rebuilds.StateOf(tenant.Name),
            index.State,
            index.Problem);
    }
}

public sealed record SearchAdminStatus(
    int Documents,
    long Cursor,
    long LastTaskId,
    string? LastTask,
    int Pending,
    DateTime? LastRebuildUtc,
    RebuildState? Rebuild,
    string State = SearchIndexStates.Ok,
    string? Problem = null);
