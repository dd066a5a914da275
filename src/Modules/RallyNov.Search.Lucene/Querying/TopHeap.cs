using Lucene.Net.Search;

namespace RallyNov.Search.Lucene.Querying;

/// <summary>The best documents seen so far: a min-heap on (score, then later document).</summary>
internal sealed class TopHeap(int capacity)
{
    private readonly float[] _scores = new float[Math.Max(capacity, 1)];
    private readonly int[] _docs = new int[Math.Max(capacity, 1)];
    private int _size;

    public void Offer(float score, int doc)
    {
        if (_size < _scores.Length)
        {
            _scores[_size] = score;
            _docs[_size] = doc;
            Up(_size++);
        }
        else if (score > _scores[0])
        {
            // Documents come in index order: an equal score never displaces an earlier document.
            _scores[0] = score;
            _docs[0] = doc;
            Down(0);
        }
    }

    public ScoreDoc[] Sorted()
    {
        var hits = new ScoreDoc[_size];
        for (var i = 0; i < _size; i++)
        {
            hits[i] = new ScoreDoc(_docs[i], _scores[i]);
        }

        Array.Sort(hits, Rescorer.BestFirst);
        return hits;
    }

    // Lower means worse: a lower score, or the same score on a later document.
    private bool Lower(int a, int b) => _scores[a] < _scores[b] || (_scores[a] == _scores[b] && _docs[a] > _docs[b]);

    private void Up(int i)
    {
        while (i > 0 && Lower(i, (i - 1) / 2))
        {
            Swap(i, (i - 1) / 2);
            i = (i - 1) / 2;
        }
    }

    private void Down(int i)
    {
        while (true)
        {
            var (left, right, lowest) = ((2 * i) + 1, (2 * i) + 2, i);
            if (left < _size && Lower(left, lowest))
            {
                lowest = left;
            }

            if (right < _size && Lower(right, lowest))
            {
                lowest = right;
            }

            if (lowest == i)
            {
                return;
            }

            Swap(i, lowest);
            i = lowest;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_docs[a], _docs[b]) = (_docs[b], _docs[a]);
    }
}
