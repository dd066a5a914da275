using Microsoft.EntityFrameworkCore;
using RallyNov.Core.Caching;
using RallyNov.Core.Data;

namespace RallyNov.Core.Taxonomies;

/// <summary>Reads and writes the vocabularies of the current tenant.</summary>
public interface ITaxonomyService
{
    Task<IReadOnlyList<Vocabulary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A vocabulary with its terms in order, or null.</summary>
    Task<Vocabulary?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates or updates a vocabulary; terms are matched by slug, missing ones removed.</summary>
    Task SaveAsync(Vocabulary vocabulary, CancellationToken cancellationToken);
}

internal sealed class TaxonomyService(RallyNovDbContext db, ISiteChanges changes) : ITaxonomyService
{
    public async Task<IReadOnlyList<Vocabulary>> ListAsync(CancellationToken cancellationToken) =>
        await db.Vocabularies.AsNoTracking().Include(v => v.Terms.OrderBy(t => t.Order)).OrderBy(v => v.Name).ToListAsync(cancellationToken);

    public Task<Vocabulary?> GetAsync(string name, CancellationToken cancellationToken) =>
        db.Vocabularies.AsNoTracking().Include(v => v.Terms.OrderBy(t => t.Order)).FirstOrDefaultAsync(v => v.Name == name, cancellationToken);

    public async Task SaveAsync(Vocabulary vocabulary, CancellationToken cancellationToken)
    {
        var existing = await db.Vocabularies.Include(v => v.Terms).FirstOrDefaultAsync(v => v.Name == vocabulary.Name, cancellationToken);
        if (existing is null)
        {
            existing = new Vocabulary { Name = vocabulary.Name };
            db.Vocabularies.Add(existing);
        }

        existing.DisplayName = vocabulary.DisplayName;
        var incoming = vocabulary.Terms.Select((t, i) => (Term: t, Order: t.Order == 0 ? i : t.Order)).ToList();
        foreach (var stale in existing.Terms.Where(t => incoming.All(n => n.Term.Slug != t.Slug)).ToList())
        {
            existing.Terms.Remove(stale);
        }

        foreach (var (term, order) in incoming)
        {
            var target = existing.Terms.FirstOrDefault(t => t.Slug == term.Slug);
            if (target is null)
            {
                target = new Term { Slug = term.Slug };
                existing.Terms.Add(target);
            }

            target.Name = term.Name;
            target.Order = order;
            target.Data = term.Data;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await changes.ChangedAsync(cancellationToken);
    }
}
