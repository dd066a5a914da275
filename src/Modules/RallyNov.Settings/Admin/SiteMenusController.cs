using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Security;
using RallyNov.Core.Settings;

namespace RallyNov.Settings.Admin;

/// <summary>
/// « Réglages du site › Menus »: add a page, a section or an external link; move, rename, hide or
/// remove an entry. Each button is its own small form (no drag and drop: keyboard and screen
/// readers move entries like anyone), saved at once; after a move the page comes back with the
/// focus on the same button of the moved entry.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ManageSettings)]
public sealed class SiteMenusController(SiteMenuEditor editor) : Controller
{
    private const string PagePath = "~/admin/settings/menus";

    [HttpGet("/admin/settings/menus")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await editor.LoadAsync(null, cancellationToken));

    [HttpPost("/admin/settings/menus/{menu}/move")]
    public async Task<IActionResult> Move(string menu, int? index, string? key, string? direction, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        var offset = direction == "up" ? -1 : 1;
        var movedTo = index ?? 0;
        var result = await editor.ChangeAsync(kind, index, key, (entries, i, titles) =>
        {
            var j = i + offset;
            if (j < 0 || j >= entries.Count)
            {
                movedTo = i;
                return MenuChange.Fail($"« {titles[i]} » est déjà {(offset < 0 ? "en tête" : "en dernier")}.");
            }

            (entries[i], entries[j]) = (entries[j], entries[i]);
            movedTo = j;
            return MenuChange.Ok($"« {titles[i]} » {(offset < 0 ? "monté" : "descendu")} en position {j + 1}.");
        }, cancellationToken);
        return Done(result, kind, movedTo, direction == "up" ? "up" : "down");
    }

    [HttpPost("/admin/settings/menus/{menu}/toggle")]
    public async Task<IActionResult> Toggle(string menu, int? index, string? key, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        var result = await editor.ChangeAsync(kind, index, key, (entries, i, titles) =>
        {
            var hide = entries[i].Hidden != true;
            entries[i] = entries[i] with { Hidden = hide ? true : null };
            return MenuChange.Ok(hide ? $"« {titles[i]} » masqué : il n'apparaît plus dans le menu." : $"« {titles[i]} » de nouveau affiché.");
        }, cancellationToken);
        return Done(result, kind, index ?? 0, "toggle");
    }

    [HttpPost("/admin/settings/menus/{menu}/remove")]
    public async Task<IActionResult> Remove(string menu, int? index, string? key, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        var result = await editor.ChangeAsync(kind, index, key, (entries, i, titles) =>
        {
            entries.RemoveAt(i);
            return MenuChange.Ok($"« {titles[i]} » retiré du menu.");
        }, cancellationToken);
        return Done(result, kind, null, null);
    }

    [HttpPost("/admin/settings/menus/{menu}/rename")]
    public async Task<IActionResult> Rename(string menu, int? index, string? key, string? text, string? url, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        text = text?.Trim();
        url = url?.Trim();
        var prefix = $"{kind.Slug}-{index}";
        var result = await editor.ChangeAsync(kind, index, key, (entries, i, titles) =>
        {
            var entry = entries[i];
            var isLink = entry.Type == SiteMenuEntry.LinkType;
            if (CheckText(text, required: isLink) is { } textError)
            {
                return MenuChange.Fail(textError, prefix + "-text");
            }

            if (isLink && CheckUrl(url) is { } urlError)
            {
                return MenuChange.Fail(urlError, prefix + "-url");
            }

            entries[i] = entry with { Text = string.IsNullOrEmpty(text) ? null : text, Url = isLink ? url : entry.Url };
            return MenuChange.Ok($"« {titles[i]} » renommé « {(string.IsNullOrEmpty(text) ? "(titre par défaut)" : text)} ».");
        }, cancellationToken);
        return result.Succeeded || result.Field is null
            ? Done(result, kind, index, "rename")
            : await RedisplayAsync(result, new MenuFormState(kind.Slug, "rename", index, text, url), cancellationToken);
    }

    [HttpPost("/admin/settings/menus/{menu}/add-page")]
    public async Task<IActionResult> AddPage(string menu, string? page, string? text, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        text = text?.Trim();
        var form = new MenuFormState(kind.Slug, "page", Text: text, Page: page);
        var found = await editor.PublishedPageAsync(page, cancellationToken);
        if (found is null)
        {
            return await RedisplayAsync(MenuChange.Fail("Choisissez une page publiée dans la liste.", kind.Slug + "-page"), form, cancellationToken);
        }

        var id = found.Value.Item.ContentItemId;
        var title = found.Value.Item.DisplayText;
        var count = 0;
        var result = await editor.ChangeAsync(kind, null, null, (entries, _, _) =>
        {
            if (entries.Any(e => e.Type == SiteMenuEntry.PageType && (e.Page == id || e.Page == found.Value.Item.Slug)))
            {
                return MenuChange.Fail($"« {title} » est déjà dans ce menu.", kind.Slug + "-page");
            }

            if (CheckText(text, required: false) is { } error)
            {
                return MenuChange.Fail(error, kind.Slug + "-page-text");
            }

            entries.Add(new SiteMenuEntry(SiteMenuEntry.PageType, Page: id, Text: string.IsNullOrEmpty(text) ? null : text));
            count = entries.Count;
            return MenuChange.Ok($"Page « {text ?? title} » ajoutée en fin de menu.");
        }, cancellationToken);
        return result.Succeeded ? Done(result, kind, count - 1, "add") : await RedisplayAsync(result, form, cancellationToken);
    }

    [HttpPost("/admin/settings/menus/{menu}/add-section")]
    public async Task<IActionResult> AddSection(string menu, string? section, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        var form = new MenuFormState(kind.Slug, "section", Section: section);
        var option = (await editor.SectionsAsync(cancellationToken)).FirstOrDefault(s => s.Key == section);
        if (option is null)
        {
            return await RedisplayAsync(MenuChange.Fail("Choisissez une rubrique dans la liste.", kind.Slug + "-section"), form, cancellationToken);
        }

        var count = 0;
        var result = await editor.ChangeAsync(kind, null, null, (entries, _, _) =>
        {
            if (entries.Any(e => e.Type == SiteMenuEntry.SectionType && string.Equals(e.Section, option.Key, StringComparison.OrdinalIgnoreCase)))
            {
                return MenuChange.Fail($"La rubrique « {option.Label} » est déjà dans ce menu.", kind.Slug + "-section");
            }

            entries.Add(new SiteMenuEntry(SiteMenuEntry.SectionType, Section: option.Key));
            count = entries.Count;
            return MenuChange.Ok($"Rubrique « {option.Label} » ajoutée en fin de menu" + (option.HasContent ? "." : " : elle apparaîtra dès qu'un contenu y sera publié."));
        }, cancellationToken);
        return result.Succeeded ? Done(result, kind, count - 1, "add") : await RedisplayAsync(result, form, cancellationToken);
    }

    [HttpPost("/admin/settings/menus/{menu}/add-link")]
    public async Task<IActionResult> AddLink(string menu, string? text, string? url, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        text = text?.Trim();
        url = url?.Trim();
        var form = new MenuFormState(kind.Slug, "link", Text: text, Url: url);
        var errors = new List<(string Field, string Message)>();
        if (CheckText(text, required: true) is { } textError)
        {
            errors.Add((kind.Slug + "-link-text", textError));
        }

        if (CheckUrl(url) is { } urlError)
        {
            errors.Add((kind.Slug + "-link-url", urlError));
        }

        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError(field, message);
            }

            return View(nameof(Index), await editor.LoadAsync(form, cancellationToken));
        }

        var count = 0;
        var result = await editor.ChangeAsync(kind, null, null, (entries, _, _) =>
        {
            entries.Add(new SiteMenuEntry(SiteMenuEntry.LinkType, Url: url, Text: text));
            count = entries.Count;
            return MenuChange.Ok($"Lien « {text} » ajouté en fin de menu.");
        }, cancellationToken);
        return Done(result, kind, count - 1, "add");
    }

    [HttpPost("/admin/settings/menus/{menu}/reset")]
    public async Task<IActionResult> Reset(string menu, CancellationToken cancellationToken)
    {
        var kind = MenuKind.Find(menu);
        if (kind is null)
        {
            return NotFound();
        }

        await editor.ResetAsync(kind, cancellationToken);
        TempData["Message"] = $"{kind.Label} : retour au menu par défaut.";
        return Redirect(Url.Content(PagePath) + "#" + kind.Slug);
    }

    private static string? CheckText(string? text, bool required) =>
        string.IsNullOrEmpty(text) ? (required ? "L'intitulé est obligatoire : c'est le texte du lien dans le menu." : null)
        : text.Length > SiteMenuEditor.MaxText ? $"{SiteMenuEditor.MaxText} caractères au plus pour un intitulé de menu : celui-ci en compte {text.Length}."
        : null;

    private static string? CheckUrl(string? url) =>
        string.IsNullOrEmpty(url) ? "L'adresse est obligatoire, par exemple https://www.example.org/."
        : !SiteIdentityRules.IsWebAddress(url, out var uri) || !uri.Host.Contains('.', StringComparison.Ordinal) || url.Length > 500
            ? $"« {url} » n'est pas une adresse web complète : elle doit commencer par https:// (copiez-la depuis la barre d'adresse du navigateur)."
        : null;

    private IActionResult Done(MenuChange result, MenuKind kind, int? focusIndex, string? button)
    {
        TempData[result.Succeeded ? "Message" : "Error"] = result.Message;
        var url = Url.Content(PagePath);
        if (focusIndex is { } index && button is not null)
        {
            var id = $"{kind.Slug}-{index}";
            return Redirect($"{url}?focus={id}&button={button}#{id}");
        }

        return Redirect(url + "#" + kind.Slug);
    }

    private async Task<IActionResult> RedisplayAsync(MenuChange result, MenuFormState form, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(result.Field ?? "", result.Message);
        return View(nameof(Index), await editor.LoadAsync(form, cancellationToken));
    }
}
