using Lucene.Net.Store;
using RallyNov.Search.Lucene.Storage;

namespace RallyNov.Modules.Tests.Search;

public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "rallynov-mapped-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path))
        {
            System.IO.Directory.Delete(_path, recursive: true);
        }
    }

    [Fact]
    public void Reads_back_what_lucene_wrote_and_clones_keep_their_own_position()
    {
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        using (var output = directory.CreateOutput("data", IOContext.DEFAULT))
        {
            output.WriteInt16(-2);
            output.WriteInt32(0x01020304);
            output.WriteInt64(-1234567890123L);
            output.WriteVInt32(300);
            output.WriteString("épicerie");
            output.WriteBytes([9, 8, 7], 3);
        }

        using var input = directory.OpenInput("data", IOContext.DEFAULT);
        Assert.Equal(-2, input.ReadInt16());
        var clone = (IndexInput)input.Clone();
        Assert.Equal(0x01020304, input.ReadInt32());
        Assert.Equal(-1234567890123L, input.ReadInt64());
        Assert.Equal(300, input.ReadVInt32());
        Assert.Equal("épicerie", input.ReadString());
        var bytes = new byte[3];
        input.ReadBytes(bytes, 0, 3);
        Assert.Equal([9, 8, 7], bytes);
        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());

        // The clone was taken after the first number: it reads on from there, unmoved by the original.
        Assert.Equal(2, clone.Position);
        Assert.Equal(0x01020304, clone.ReadInt32());
    }

    [Fact]
    public void Slices_read_their_window_only_and_a_closed_file_refuses_new_reads()
    {
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        using (var output = directory.CreateOutput("data", IOContext.DEFAULT))
        {
            output.WriteBytes([1, 2, 3, 4, 5, 6], 6);
        }

        var slicer = directory.CreateSlicer("data", IOContext.DEFAULT);
        var slice = slicer.OpenSlice("slice", 2, 3);
        Assert.Equal(3, slice.Length);
        Assert.Equal(3, slice.ReadByte());
        slice.Seek(2);
        Assert.Equal(5, slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        Assert.Throws<EndOfStreamException>(() => slice.Seek(4));

        slicer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => slice.Seek(0));
        Assert.Throws<ObjectDisposedException>(() => slice.Clone());
    }

    [Fact]
    public void An_empty_file_opens_and_has_nothing_to_read()
    {
        using var directory = new MappedDirectory(new DirectoryInfo(_path));
        directory.CreateOutput("empty", IOContext.DEFAULT).Dispose();
        using var input = directory.OpenInput("empty", IOContext.DEFAULT);
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }
}
