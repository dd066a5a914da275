using Lucene.Net.Index;
using Lucene.Net.Util;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>Reads the indexed words of a field (all segments merged), for completions and typo spellings.</summary>
internal static class TermDictionary
{
    /// <summary>
    /// The terms that start with <paramref name="prefix"/>, in index order, with the number of
    /// documents holding each. The term is the enumerator's buffer: read or copy it before moving on.
    /// </summary>
    public static IEnumerable<(BytesRef Term, int DocFreq)> WithPrefix(IndexReader reader, string field, BytesRef prefix)
    {
        if (MultiFields.GetTerms(reader, field) is not { } terms)
        {
            yield break;
        }

        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }

        do
        {
            if (!StringHelper.StartsWith(enumerator.Term, prefix))
            {
                yield break;
            }

            yield return (enumerator.Term, enumerator.DocFreq);
        }
        while (enumerator.MoveNext());
    }
}
