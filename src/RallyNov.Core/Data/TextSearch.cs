using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace RallyNov.Core.Data;

/// <summary>
/// "Contains this text, whatever the case" for the back-office search boxes, the same on both
/// databases: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not, so PostgreSQL uses ILIKE.
/// </summary>
public static class TextSearch
{
    /// <summary>
    /// The LIKE pattern (escape character '\') matching <paramref name="text"/> anywhere, or null when
    /// nothing is left to look for. NUL characters are dropped: PostgreSQL text cannot hold them and
    /// refuses the whole query (a 500 for a pasted or hostile "%00").
    /// </summary>
    public static string? ContainsPattern(string? text)
    {
        if (Value(text) is not { } cleaned)
        {
            return null;
        }

        return "%" + cleaned.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }

    /// <summary>A filter value as a column can hold it: trimmed, without NUL characters (see above); null when empty.</summary>
    public static string? Value(string? text)
    {
        var cleaned = text?.Replace("\0", "", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(cleaned) ? null : cleaned;
    }

    /// <summary>The rows whose <paramref name="column"/> matches <paramref name="pattern"/>, ignoring case on either database.</summary>
    public static IQueryable<T> WhereLike<T>(this IQueryable<T> source, DbContext db, Expression<Func<T, string?>> column, string pattern) =>
        source.WhereLikeAny(db, pattern, column);

    /// <summary>The rows where any of <paramref name="columns"/> matches <paramref name="pattern"/>, ignoring case on either database.</summary>
    public static IQueryable<T> WhereLikeAny<T>(this IQueryable<T> source, DbContext db, string pattern, params Expression<Func<T, string?>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfZero(columns.Length);
        Expression<Func<string?, bool>> like = db.Database.IsNpgsql()
            ? value => EF.Functions.ILike(value!, pattern, "\\")
            : value => EF.Functions.Like(value, pattern, "\\");
        var row = Expression.Parameter(typeof(T), "x");
        var body = columns
            .Select(column => new ReplaceParameter(like.Parameters[0], new ReplaceParameter(column.Parameters[0], row).Visit(column.Body)).Visit(like.Body))
            .Aggregate(Expression.OrElse);
        return source.Where(Expression.Lambda<Func<T, bool>>(body, row));
    }

    private sealed class ReplaceParameter(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : base.VisitParameter(node);
    }
}
