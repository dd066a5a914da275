using Lucene.Net.Store;

namespace RallyNov.Search.Lucene.Storage;

/// <summary>
/// A file-system directory whose files are read through one memory map each, with plain pointer
/// reads. Lucene.NET's MMapDirectory records every clone of an input (several per term of every
/// query) in a ConditionalWeakTable and reads through a SafeHandle per access: under load that
/// bookkeeping cost more CPU than the searches (finalizer thread, GC pauses, lock contention).
/// Writing is FSDirectory's own.
/// </summary>
internal sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path, lockFactory: null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        return new MappedIndexInput($"MappedIndexInput(path=\"{file}\")", FileMapping.Open(file));
    }

    /// <summary>Slices of one map (compound files): no copy, no second map.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) =>
        new Slicer((MappedIndexInput)OpenInput(name, context));

    private sealed class Slicer(MappedIndexInput full) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            full.Slice(sliceDescription, offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => (IndexInput)full.Clone();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                full.Dispose();
            }
        }
    }
}
