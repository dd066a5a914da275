using System.IO.MemoryMappedFiles;

namespace RallyNov.Search.Lucene.Storage;

/// <summary>
/// One read-only memory map of a whole file and its base pointer. It is unmapped only when no
/// input or clone refers to it any more (finalizer), never while a reader may still use it:
/// a search that outlives its reader can never touch unmapped memory. The price is that a
/// deleted segment file keeps its disk space until the next full garbage collection.
/// </summary>
internal sealed unsafe class FileMapping
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private int _released;

    private FileMapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* pointer, long length)
    {
        _file = file;
        _view = view;
        Pointer = pointer;
        Length = length;
    }

    ~FileMapping() => Release();

    public byte* Pointer { get; }

    public long Length { get; }

    /// <summary>Set when the input that opened the map is closed; its clones and slices then refuse to seek.</summary>
    public bool Closed { get; set; }

    public static FileMapping Open(string path)
    {
        // Shared for reading, writing and deleting: Lucene deletes merged files that readers still map.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
        if (stream.Length == 0)
        {
            stream.Dispose();
            return new FileMapping(null, null, null, 0); // a map cannot be empty
        }

        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        try
        {
            var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new FileMapping(file, view, pointer + view.PointerOffset, stream.Length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0 && _view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file!.Dispose();
        }
    }
}
