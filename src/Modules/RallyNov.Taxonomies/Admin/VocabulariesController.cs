using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Security;
using RallyNov.Core.Taxonomies;

namespace RallyNov.Taxonomies.Admin;

/// <summary>
/// « Vocabulaires »: the terms of thèmes, départements and kinds — add, rename (name and
/// identifier), reorder, merge, delete with a replacement. The changes and their effect on content
/// (re-tagging, search index, redirects from old identifiers) are the Core's <see cref="ITaxonomyEditor"/>.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageTaxonomies)]
public sealed class VocabulariesController(ITaxonomyService taxonomies, ITaxonomyEditor editor) : Controller
{
    private const string Root = "~/admin/settings/vocabularies";

    [HttpGet("/admin/settings/vocabularies")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var vocabularies = await taxonomies.ListAsync(cancellationToken);
        return View(vocabularies.OrderBy(v => v.DisplayName, StringComparer.CurrentCulture).Select(v => new VocabularyRow(v.Name, v.DisplayName, v.Terms.Count)).ToList());
    }

    [HttpGet("/admin/settings/vocabularies/{vocabulary}")]
    public async Task<IActionResult> Terms(string vocabulary, CancellationToken cancellationToken)
    {
        var page = await VocabularyPageAsync(vocabulary, null, null, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/admin/settings/vocabularies/{vocabulary}/add")]
    public async Task<IActionResult> Add(string vocabulary, string? name, string? slug, CancellationToken cancellationToken)
    {
        var result = await editor.AddAsync(vocabulary, name, slug, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field == TermChangeResult.SlugField ? "new-slug" : "new-name", result.Error!);
            var page = await VocabularyPageAsync(vocabulary, name, slug, cancellationToken);
            return page is null ? NotFound() : View(nameof(Terms), page);
        }

        TempData["Message"] = $"Terme « {result.Term!.Name} » ajouté (identifiant : {result.Term.Slug}).";
        return Redirect($"{Url.Content(Root)}/{vocabulary}?focus=terme-{result.Term.Slug}#terme-{result.Term.Slug}");
    }

    [HttpPost("/admin/settings/vocabularies/{vocabulary}/move")]
    public async Task<IActionResult> Move(string vocabulary, string? term, string? direction, CancellationToken cancellationToken)
    {
        var result = await editor.MoveAsync(vocabulary, term ?? "", direction == "up" ? -1 : 1, cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
            return Redirect($"{Url.Content(Root)}/{vocabulary}");
        }

        TempData["Message"] = $"« {result.Term!.Name} » déplacé.";
        var button = direction == "up" ? "up" : "down";
        return Redirect($"{Url.Content(Root)}/{vocabulary}?focus=terme-{term}&button={button}#terme-{term}");
    }

    [HttpGet("/admin/settings/vocabularies/{vocabulary}/terms/{term}")]
    public async Task<IActionResult> Term(string vocabulary, string term, CancellationToken cancellationToken)
    {
        var page = await TermPageAsync(vocabulary, term, null, null, null, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/admin/settings/vocabularies/{vocabulary}/terms/{term}/rename")]
    public async Task<IActionResult> Rename(string vocabulary, string term, string? name, string? slug, CancellationToken cancellationToken)
    {
        var result = await editor.RenameAsync(vocabulary, term, name, slug, cancellationToken);
        if (!result.Succeeded)
        {
            return await RedisplayAsync(vocabulary, term, result, result.Field == TermChangeResult.SlugField ? "term-slug" : "term-name", name, slug, null, cancellationToken);
        }

        var renamed = result.Term!;
        TempData["Message"] = renamed.Slug == term
            ? $"Terme « {renamed.Name} » enregistré."
            : $"Terme « {renamed.Name} » enregistré ; son identifiant est maintenant « {renamed.Slug} » dans {Items(result.Retagged)}, et les adresses qui utilisaient « {term} » redirigent vers lui.";
        return Redirect($"{Url.Content(Root)}/{vocabulary}/terms/{renamed.Slug}");
    }

    [HttpPost("/admin/settings/vocabularies/{vocabulary}/terms/{term}/merge")]
    public async Task<IActionResult> Merge(string vocabulary, string term, string? target, CancellationToken cancellationToken)
    {
        var result = await editor.MergeAsync(vocabulary, term, target, cancellationToken);
        if (!result.Succeeded)
        {
            return await RedisplayAsync(vocabulary, term, result, "merge-target", null, null, target, cancellationToken);
        }

        TempData["Message"] = $"Terme fusionné dans « {result.Term!.Name} » : {Items(result.Retagged)} mis à jour.";
        return Redirect($"{Url.Content(Root)}/{vocabulary}?focus=terme-{result.Term.Slug}#terme-{result.Term.Slug}");
    }

    [HttpPost("/admin/settings/vocabularies/{vocabulary}/terms/{term}/delete")]
    public async Task<IActionResult> Delete(string vocabulary, string term, string? replacement, CancellationToken cancellationToken)
    {
        var result = await editor.DeleteAsync(vocabulary, term, replacement, cancellationToken);
        if (!result.Succeeded)
        {
            return await RedisplayAsync(vocabulary, term, result, "delete-replacement", null, null, replacement, cancellationToken);
        }

        TempData["Message"] = result.Term is null
            ? $"Terme « {term} » supprimé."
            : $"Terme « {term} » supprimé : {Items(result.Retagged)} {(result.Retagged > 1 ? "portent" : "porte")} maintenant « {result.Term.Name} ».";
        return Redirect($"{Url.Content(Root)}/{vocabulary}");
    }

    private async Task<IActionResult> RedisplayAsync(
        string vocabulary, string term, TermChangeResult result, string field, string? name, string? slug, string? target, CancellationToken cancellationToken)
    {
        var page = await TermPageAsync(vocabulary, term, name, slug, target, cancellationToken);
        if (page is null)
        {
            TempData["Error"] = result.Error;
            return Redirect($"{Url.Content(Root)}/{vocabulary}");
        }

        ModelState.AddModelError(field, result.Error!);
        return View(nameof(Term), page);
    }

    private async Task<VocabularyPage?> VocabularyPageAsync(string vocabulary, string? name, string? slug, CancellationToken cancellationToken)
    {
        var vocab = await taxonomies.GetAsync(vocabulary, cancellationToken);
        return vocab is null ? null : new VocabularyPage(vocab, await RowsAsync(vocab, cancellationToken), name, slug);
    }

    private async Task<TermPage?> TermPageAsync(string vocabulary, string term, string? name, string? slug, string? target, CancellationToken cancellationToken)
    {
        var vocab = await taxonomies.GetAsync(vocabulary, cancellationToken);
        if (vocab is null)
        {
            return null;
        }

        var rows = await RowsAsync(vocab, cancellationToken);
        var row = rows.FirstOrDefault(r => r.Slug == term);
        return row is null ? null : new TermPage(vocab, row, rows.Where(r => r != row).ToList(), name ?? row.Name, slug ?? row.Slug, target);
    }

    private async Task<IReadOnlyList<TermRow>> RowsAsync(Vocabulary vocab, CancellationToken cancellationToken)
    {
        var uses = await editor.UsageAsync(vocab.Name, cancellationToken);
        return vocab.Terms.OrderBy(t => t.Order).Select((t, i) => new TermRow(i, t.Slug, t.Name, uses.GetValueOrDefault(t.Slug), TermData.FormerSlugsOf(t))).ToList();
    }

    private static string Items(int count) => count switch { 0 => "aucun contenu", 1 => "1 contenu", _ => $"{count} contenus" };
}
