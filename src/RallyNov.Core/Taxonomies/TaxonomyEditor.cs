using RallyNov.Core.Caching;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Auditing;
using RallyNov.Core.Data;
using RallyNov.Core.Text;

namespace RallyNov.Core.Taxonomies;

internal sealed class TaxonomyEditor(RallyNovDbContext db, TermRetagger retagger, IAuditTrail audit, IAuditEventFactory auditEvents, ISiteChanges siteChanges) : ITaxonomyEditor
{
    private const int MaxName = 200;

    public async Task<IReadOnlyDictionary<string, int>> UsageAsync(string vocabulary, CancellationToken cancellationToken) =>
        await retagger.UsageAsync(vocabulary, cancellationToken);

    public async Task<TermChangeResult> AddAsync(string vocabulary, string? name, string? slug, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        slug = string.IsNullOrWhiteSpace(slug) ? SlugHelper.Slugify(name) : slug.Trim();
        var vocab = await LoadAsync(vocabulary, cancellationToken);
        if (vocab is null)
        {
            return TermChangeResult.Fail(TermChangeResult.NameField, "Ce vocabulaire n'existe pas.");
        }

        if (CheckName(name) is { } nameError)
        {
            return TermChangeResult.Fail(TermChangeResult.NameField, nameError);
        }

        if (CheckSlug(vocab, slug, null) is { } slugError)
        {
            return TermChangeResult.Fail(TermChangeResult.SlugField, slugError);
        }

        var term = new Term { Slug = slug, Name = name, Order = vocab.Terms.Count == 0 ? 0 : vocab.Terms.Max(t => t.Order) + 1 };
        ReleaseFormerSlug(vocab, slug);
        vocab.Terms.Add(term);
        await db.SaveChangesAsync(cancellationToken);
        await siteChanges.ChangedAsync(cancellationToken); // term names show on public pages: after the commit, cached copies go
        db.ChangeTracker.Clear();
        await RecordAsync(AuditActions.TermCreated, vocab, term, $"« {name} » ({slug}) ajouté au vocabulaire « {vocab.DisplayName} ».", cancellationToken);
        return new TermChangeResult(true, Term: term);
    }

    public async Task<TermChangeResult> RenameAsync(string vocabulary, string slug, string? name, string? newSlug, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        newSlug = string.IsNullOrWhiteSpace(newSlug) ? slug : newSlug.Trim();
        await using var transaction = await OwnedTransaction.BeginAsync(db, cancellationToken);
        var vocab = await LoadAsync(vocabulary, cancellationToken);
        var term = vocab?.Terms.FirstOrDefault(t => t.Slug == slug);
        if (vocab is null || term is null)
        {
            return TermChangeResult.Fail(TermChangeResult.NameField, "Ce terme n'existe plus : il a peut-être été supprimé entre-temps.");
        }

        if (CheckName(name) is { } nameError)
        {
            return TermChangeResult.Fail(TermChangeResult.NameField, nameError);
        }

        if (newSlug != slug && CheckSlug(vocab, newSlug, term) is { } slugError)
        {
            return TermChangeResult.Fail(TermChangeResult.SlugField, slugError);
        }

        var oldName = term.Name;
        if (oldName == name && newSlug == slug)
        {
            return new TermChangeResult(true, Term: term);
        }

        // Rename the term first (its row), then the items: the tracker is emptied page by page.
        term.Name = name;
        if (newSlug != slug)
        {
            ReleaseFormerSlug(vocab, newSlug);
            term.Slug = newSlug;
            term.Data = WithFormerSlugs(term.Data, [slug], except: newSlug);
        }

        var displayName = vocab.DisplayName;
        await db.SaveChangesAsync(cancellationToken);
        await siteChanges.ChangedAsync(cancellationToken); // term names show on public pages: after the commit, cached copies go
        db.ChangeTracker.Clear();

        // A new name changes what search documents say; a new identifier changes what items store.
        var retagged = await retagger.RetagAsync(vocabulary, slug, newSlug, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var changes = new List<string>();
        if (oldName != name)
        {
            changes.Add($"nom : « {oldName} » → « {name} »");
        }

        if (newSlug != slug)
        {
            changes.Add($"identifiant : {slug} → {newSlug} ({Items(retagged)} mis à jour, les anciennes adresses redirigent)");
        }

        var renamed = new Term { Slug = newSlug, Name = name, Order = term.Order, Data = term.Data };
        await RecordAsync(AuditActions.TermUpdated, displayName, vocabulary, renamed, Capitalize(string.Join(" ; ", changes)) + ".", cancellationToken);
        return new TermChangeResult(true, Retagged: retagged, Term: renamed);
    }

    public async Task<TermChangeResult> MoveAsync(string vocabulary, string slug, int offset, CancellationToken cancellationToken)
    {
        var vocab = await LoadAsync(vocabulary, cancellationToken);
        var ordered = vocab?.Terms.OrderBy(t => t.Order).ThenBy(t => t.Id).ToList() ?? [];
        var index = ordered.FindIndex(t => t.Slug == slug);
        if (vocab is null || index < 0)
        {
            return TermChangeResult.Fail(TermChangeResult.NameField, "Ce terme n'existe plus : il a peut-être été supprimé entre-temps.");
        }

        var target = Math.Clamp(index + offset, 0, ordered.Count - 1);
        var term = ordered[index];
        if (target == index)
        {
            return new TermChangeResult(true, Term: term);
        }

        ordered.RemoveAt(index);
        ordered.Insert(target, term);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i;
        }

        await db.SaveChangesAsync(cancellationToken);
        await siteChanges.ChangedAsync(cancellationToken); // term names show on public pages: after the commit, cached copies go
        db.ChangeTracker.Clear();
        await RecordAsync(AuditActions.TermMoved, vocab, term, $"« {term.Name} » : position {index + 1} → {target + 1}.", cancellationToken);
        return new TermChangeResult(true, Term: term);
    }

    public Task<TermChangeResult> MergeAsync(string vocabulary, string slug, string? target, CancellationToken cancellationToken) =>
        RemoveAsync(vocabulary, slug, target, merge: true, cancellationToken);

    public Task<TermChangeResult> DeleteAsync(string vocabulary, string slug, string? replacement, CancellationToken cancellationToken) =>
        RemoveAsync(vocabulary, slug, replacement, merge: false, cancellationToken);

    private async Task<TermChangeResult> RemoveAsync(string vocabulary, string slug, string? replacement, bool merge, CancellationToken cancellationToken)
    {
        replacement = string.IsNullOrWhiteSpace(replacement) ? null : replacement.Trim();
        await using var transaction = await OwnedTransaction.BeginAsync(db, cancellationToken);
        var vocab = await LoadAsync(vocabulary, cancellationToken);
        var term = vocab?.Terms.FirstOrDefault(t => t.Slug == slug);
        if (vocab is null || term is null)
        {
            return TermChangeResult.Fail(TermChangeResult.TargetField, "Ce terme n'existe plus : il a peut-être été supprimé entre-temps.");
        }

        var into = replacement is null ? null : vocab.Terms.FirstOrDefault(t => t.Slug == replacement);
        if (replacement is not null && (into is null || into == term))
        {
            return TermChangeResult.Fail(TermChangeResult.TargetField, into == term
                ? "Choisissez un autre terme que celui-ci."
                : "Le terme choisi n'existe plus : rechargez la page.");
        }

        if (merge && into is null)
        {
            return TermChangeResult.Fail(TermChangeResult.TargetField, "Choisissez le terme dans lequel fusionner « " + term.Name + " ».");
        }

        var used = (await retagger.UsageAsync(vocabulary, cancellationToken)).GetValueOrDefault(slug);
        if (used > 0 && into is null)
        {
            return TermChangeResult.Fail(TermChangeResult.TargetField,
                $"« {term.Name} » est utilisé par {Items(used)} : choisissez le terme qui le remplacera dans ces contenus.");
        }

        var (name, displayName, targetName) = (term.Name, vocab.DisplayName, into?.Name);
        var formerSlugs = TermData.FormerSlugsOf(term);
        vocab.Terms.Remove(term);
        if (into is not null)
        {
            // The target answers for the removed identifiers from now on (filter URLs redirect there).
            into.Data = WithFormerSlugs(into.Data, [slug, .. formerSlugs], except: into.Slug);
        }

        await db.SaveChangesAsync(cancellationToken);
        await siteChanges.ChangedAsync(cancellationToken); // term names show on public pages: after the commit, cached copies go
        db.ChangeTracker.Clear();
        var retagged = await retagger.RetagAsync(vocabulary, slug, into?.Slug, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var details = merge
            ? $"« {name} » fusionné dans « {targetName} » : {Items(retagged)} ré-étiqueté(s)."
            : into is null
                ? $"« {name} » supprimé ; aucun contenu ne l'utilisait."
                : $"« {name} » supprimé ; remplacé par « {targetName} » dans {Items(retagged)}.";
        await RecordAsync(merge ? AuditActions.TermMerged : AuditActions.TermDeleted, displayName, vocabulary, new Term { Slug = slug, Name = name }, details, cancellationToken);
        return new TermChangeResult(true, Retagged: retagged, Term: into);
    }

    private Task<Vocabulary?> LoadAsync(string vocabulary, CancellationToken cancellationToken) =>
        db.Vocabularies.Include(v => v.Terms).FirstOrDefaultAsync(v => v.Name == vocabulary, cancellationToken);

    private static string? CheckName(string name) => name.Length switch
    {
        0 => "Le nom est obligatoire.",
        > MaxName => $"Le nom ne peut pas dépasser {MaxName} caractères (il en a {name.Length}).",
        _ => null,
    };

    private static string? CheckSlug(Vocabulary vocab, string slug, Term? self)
    {
        if (slug.Length == 0)
        {
            return "L'identifiant est obligatoire : des lettres sans accents, des chiffres et des tirets (il apparaît dans les adresses des filtres).";
        }

        if (!SlugHelper.IsValid(slug))
        {
            var example = SlugHelper.Slugify(slug) is { Length: > 0 } folded ? folded : "mobilite-douce";
            return $"« {slug} » ne convient pas : seulement des lettres minuscules sans accents, des chiffres et des tirets, par exemple « {example} ».";
        }

        return vocab.Terms.FirstOrDefault(t => t.Slug == slug && t != self) is { } other
            ? $"L'identifiant « {slug} » est déjà celui du terme « {other.Name} »."
            : null;
    }

    /// <summary>A term created or renamed with an identifier another term took over keeps it: the old redirect ends.</summary>
    private static void ReleaseFormerSlug(Vocabulary vocab, string slug)
    {
        foreach (var other in vocab.Terms.Where(t => TermData.FormerSlugsOf(t).Contains(slug, StringComparer.Ordinal)))
        {
            other.Data = WithFormerSlugs(other.Data, [], except: slug);
        }
    }

    private static JsonObject WithFormerSlugs(JsonObject data, IEnumerable<string> added, string except)
    {
        var copy = (JsonObject)data.DeepClone();
        var current = copy[TermData.FormerSlugs] is JsonArray array
            ? array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [];
        var slugs = current.Concat(added).Where(s => s != except).Distinct(StringComparer.Ordinal).ToList();
        if (slugs.Count == 0)
        {
            copy.Remove(TermData.FormerSlugs);
        }
        else
        {
            copy[TermData.FormerSlugs] = new JsonArray([.. slugs.Select(s => (JsonNode)JsonValue.Create(s))]);
        }

        return copy;
    }

    private static string Items(int count) => count switch { 0 => "aucun contenu", 1 => "1 contenu", _ => $"{count} contenus" };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private Task RecordAsync(string action, Vocabulary vocab, Term term, string details, CancellationToken cancellationToken) =>
        RecordAsync(action, vocab.DisplayName, vocab.Name, term, details, cancellationToken);

    private Task RecordAsync(string action, string vocabularyDisplayName, string vocabulary, Term term, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            auditEvents.Create(AuditCategories.Taxonomies, action, itemId: vocabulary + "/" + term.Slug, itemTitle: $"{term.Name} ({vocabularyDisplayName})", details: details),
            cancellationToken);
}
