using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using RallyNov.Core.Content;
using RallyNov.Core.Content.Definitions;
using RallyNov.Core.Media;
using RallyNov.Core.Security;
using RallyNov.Core.Tenants;
using RallyNov.Core.Text;
using RallyNov.Core.Web;

namespace RallyNov.Contents.Admin.Editor;

/// <summary>
/// The create/edit form of any content type, generated from its definition. Every save is checked
/// with <see cref="IContentAuthorization"/> on the server, whatever buttons the page showed.
/// </summary>
[Area("Admin")]
[RequirePermission(Permissions.ViewContent)]
public sealed partial class ContentEditorController(
    IContentManager contents,
    IContentDefinitionManager definitions,
    IContentEditorModelFactory factory,
    TenantContext tenant) : Controller
{
    private const string EditView = "Edit";

    [HttpGet("/admin/contents/new")]
    public IActionResult Choose() =>
        View("Choose", definitions.TypesFor(tenant.Settings).Where(t => t.Creatable).OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList());

    [HttpGet("/admin/contents/new/{type}")]
    public async Task<IActionResult> New(string type, CancellationToken cancellationToken)
    {
        if (CreatableType(type) is not { } definition)
        {
            return NotFound();
        }

        var model = await factory.BuildAsync(definition, null, contents.New(definition.Name).ContentItemId, [], User, cancellationToken);
        return model.CanEdit ? View(EditView, model) : Forbid();
    }

    [HttpPost("/admin/contents/new/{type}")]
    [RequestSizeLimit(RequestLimits.ContentForm)]
    [RequestFormLimits(ValueLengthLimit = RequestLimits.ContentFormValue)]
    public async Task<IActionResult> Create(string type, string? contentItemId, string? submit, CancellationToken cancellationToken)
    {
        if (CreatableType(type) is not { } definition)
        {
            return NotFound();
        }

        // The id comes from the form so that a double submit is a conflict, not a duplicate item.
        var id = contentItemId is not null && IdPattern().IsMatch(contentItemId) ? contentItemId : contents.New(definition.Name).ContentItemId;
        var model = await factory.BuildAsync(definition, null, id, ContentForm.Read(definition, Request.Form), User, cancellationToken);
        return model.CanEdit ? await SaveAsync(model, submit, cancellationToken) : Forbid();
    }

    [HttpGet("/admin/contents/{contentItemId}/edit")]
    public async Task<IActionResult> Edit(string contentItemId, CancellationToken cancellationToken)
    {
        // Items in the bin open too, to offer "Restaurer".
        var versions = await contents.GetVersionsAsync(contentItemId, cancellationToken);
        var item = versions.FirstOrDefault(v => v.Latest);
        if (item is null || TypeOf(item) is not { } definition)
        {
            return NotFound();
        }

        var model = await factory.BuildAsync(definition, item, item.ContentItemId, (JsonObject)item.Content.DeepClone(), User, cancellationToken);
        return model.CanEdit ? View(EditView, model) : Forbid();
    }

    [HttpPost("/admin/contents/{contentItemId}/edit")]
    [RequestSizeLimit(RequestLimits.ContentForm)]
    [RequestFormLimits(ValueLengthLimit = RequestLimits.ContentFormValue)]
    public async Task<IActionResult> Update(string contentItemId, string? contentItemVersionId, string? submit, CancellationToken cancellationToken)
    {
        var item = await contents.GetAsync(contentItemId, VersionOptions.Latest, cancellationToken);
        if (item is null || TypeOf(item) is not { } definition)
        {
            return NotFound();
        }

        var model = await factory.BuildAsync(definition, item, item.ContentItemId, ContentForm.Read(definition, Request.Form), User, cancellationToken);
        if (!model.CanEdit)
        {
            return Forbid();
        }

        // The version the user started from, not the one just loaded: that is what detects a concurrent save.
        model.ContentItemVersionId = contentItemVersionId ?? "";
        return await SaveAsync(model, submit, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(ContentEditorViewModel model, string? submit, CancellationToken cancellationToken)
    {
        if (submit?.StartsWith("preview:", StringComparison.Ordinal) == true)
        {
            // The no-JavaScript Markdown preview: the same form again, with the rendering under the field.
            var field = model.Type.Field(submit["preview:".Length..]);
            if (field?.Kind == FieldKind.Markdown)
            {
                model.MarkdownPreviews[field.Name] = MarkdownRenderer.TryToHtml(ContentForm.Text(model.Values[field.Name]), cancellationToken, out var html, out var problem)
                    ? html
                    : "<p class=\"hint\">Aperçu impossible : le texte " + System.Net.WebUtility.HtmlEncode(problem) + "</p>";
            }

            return View(EditView, model);
        }

        // A type without drafts publishes on every save: only someone who may publish saves it.
        var publish = submit == "publish" || !model.Type.Draftable;
        if (publish && !model.CanPublish)
        {
            return Forbid();
        }

        var (uploadErrors, uploaded) = await StoreFieldFilesAsync(model, cancellationToken);
        if (uploadErrors.Count > 0)
        {
            // Nothing is saved when a chosen file was refused; what was typed (and any file stored meanwhile) stays in the form.
            model.Errors = uploadErrors;
            return View(EditView, model);
        }

        var input = model.Item?.Clone() ?? new ContentItem { ContentItemId = model.ContentItemId, ContentType = model.Type.Name, Owner = User.Identity?.Name };
        input.ContentItemVersionId = model.IsNew ? "" : model.ContentItemVersionId;
        input.Content = (JsonObject)model.Values.DeepClone();
        input.Author = User.Identity?.Name;
        var result = publish
            ? await contents.PublishAsync(input, cancellationToken)
            : await contents.SaveDraftAsync(input, cancellationToken);

        switch (result.Status)
        {
            case ContentResultStatus.Success:
                var title = result.Item!.DisplayText.Length > 0 ? $"« {result.Item.DisplayText} »" : "Le contenu";
                TempData["Message"] = (publish ? $"{title} est publié." : $"Brouillon de {title} enregistré.") + uploaded;
                return LocalRedirect(Url.Content($"~/admin/contents/{Uri.EscapeDataString(result.Item.ContentItemId)}/edit"));
            case ContentResultStatus.Conflict:
                await DescribeConflictAsync(model, cancellationToken);
                return View(EditView, model);
            default:
                model.Errors = result.Errors;
                return View(EditView, model);
        }
    }

    /// <summary>
    /// Files chosen in image fields arrive with the form when the page's scripts did not send them
    /// first: each goes to the media library (same checks as there) and becomes its field's value,
    /// before the item is validated. A refused file is explained on its field.
    /// </summary>
    private async Task<(IReadOnlyList<ContentValidationError> Errors, string Stored)> StoreFieldFilesAsync(ContentEditorViewModel model, CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType || Request.Form.Files.Count == 0)
        {
            return ([], "");
        }

        var errors = new List<ContentValidationError>();
        var stored = "";
        var uploads = await factory.MediaUploadsForAsync(model.Type, User);
        foreach (var field in model.Type.Fields.Where(f => f.Kind == FieldKind.Media))
        {
            var file = Request.Form.Files.GetFile(ContentForm.NameOf(field, "file"));
            if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            {
                continue;
            }

            if (uploads is null)
            {
                errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : vous ne pouvez pas ajouter de fichier à la médiathèque. Choisissez une image qui s'y trouve déjà."));
                continue;
            }

            var alt = ContentForm.Text(model.Values[field.Name], "alt").Trim();
            await using var content = file.OpenReadStream();
            var outcome = await uploads.UploadImageAsync(new MediaUploadRequest(file.FileName, content, file.Length, alt, User.Identity?.Name, field.AllowSvg), cancellationToken);
            if (outcome.Succeeded)
            {
                model.Values[field.Name] = new JsonObject { ["path"] = outcome.Path, ["alt"] = alt };
                stored += $" « {MediaName(outcome.Path!)} » a été ajouté à la médiathèque." + (outcome.Notice is null ? "" : " " + outcome.Notice);
            }
            else
            {
                errors.Add(new ContentValidationError(field.Name, $"« {field.DisplayName} » : {outcome.Error}"));
            }
        }

        return (errors, stored);
    }

    private static string MediaName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Says who saved meanwhile and when; the user's input stays in the form.</summary>
    private async Task DescribeConflictAsync(ContentEditorViewModel model, CancellationToken cancellationToken)
    {
        if (model.IsNew)
        {
            model.Errors = [new ContentValidationError("", "Ce formulaire a déjà été envoyé : le contenu existe déjà. Ouvrez-le depuis la liste des contenus.")];
            return;
        }

        var latest = await contents.GetAsync(model.ContentItemId, VersionOptions.Latest, cancellationToken);
        if (latest is null)
        {
            model.Errors = [new ContentValidationError("", "Ce contenu a été supprimé pendant que vous le modifiiez. Vos modifications n'ont pas été enregistrées.")];
            return;
        }

        var when = ParisTime.Local(latest.ModifiedUtc);
        var who = latest.Author ?? latest.Owner ?? "un autre utilisateur";
        model.Conflict =
            $"Ce contenu a été modifié par {who} le {when.ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.GetCultureInfo("fr-FR"))} pendant que vous le modifiiez. " +
            "Vos modifications n'ont pas été enregistrées : elles sont conservées dans le formulaire ci-dessous. " +
            "Comparez-les avec la version actuelle (Prévisualiser), puis enregistrez à nouveau pour remplacer cette version par la vôtre.";

        // Saving again is now a deliberate choice made after the warning, never a silent overwrite.
        model.ContentItemVersionId = latest.ContentItemVersionId;
    }

    private ContentTypeDefinition? CreatableType(string type) =>
        definitions.TypesFor(tenant.Settings).FirstOrDefault(t => t.Creatable && string.Equals(t.Name, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The item's type, only when its module is enabled in this tenant.</summary>
    private ContentTypeDefinition? TypeOf(ContentItem item) =>
        definitions.TypesFor(tenant.Settings).FirstOrDefault(t => t.Name == item.ContentType);

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex IdPattern();
}
