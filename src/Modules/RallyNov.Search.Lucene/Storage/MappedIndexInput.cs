using System.Buffers.Binary;
using Lucene.Net.Store;

namespace RallyNov.Search.Lucene.Storage;

/// <summary>
/// Reads a window of a <see cref="FileMapping"/> (the whole file, or a slice of a compound file).
/// Clones share the map and copy only the position: Lucene clones an input for every term of
/// every query, so a clone must cost no more than a small object. Numbers are big-endian, as
/// Lucene writes them.
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly FileMapping _mapping;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;
    private bool _owner;

    public MappedIndexInput(string description, FileMapping mapping)
        : this(description, mapping, mapping.Pointer, mapping.Length, owner: true)
    {
    }

    private MappedIndexInput(string description, FileMapping mapping, byte* start, long length, bool owner)
        : base(description)
    {
        _mapping = mapping;
        _start = start;
        _length = length;
        _owner = owner;
    }

    public override long Length => _length;

    public override long Position => _position;

    public override byte ReadByte()
    {
        if (_position >= _length)
        {
            throw new EndOfStreamException($"Lecture après la fin : {this}");
        }

        var value = _start[_position++];
        GC.KeepAlive(this); // the map must outlive the read, even if this input is not used after it
        return value;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        Span(len).CopyTo(b.AsSpan(offset, len));
        _position += len;
        GC.KeepAlive(this);
    }

    public override short ReadInt16()
    {
        var value = BinaryPrimitives.ReadInt16BigEndian(Span(sizeof(short)));
        _position += sizeof(short);
        GC.KeepAlive(this);
        return value;
    }

    public override int ReadInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(Span(sizeof(int)));
        _position += sizeof(int);
        GC.KeepAlive(this);
        return value;
    }

    public override long ReadInt64()
    {
        var value = BinaryPrimitives.ReadInt64BigEndian(Span(sizeof(long)));
        _position += sizeof(long);
        GC.KeepAlive(this);
        return value;
    }

    public override void SkipBytes(long numBytes)
    {
        if (numBytes < 0 || numBytes > _length - _position)
        {
            throw new EndOfStreamException($"Saut de {numBytes} octets hors du fichier : {this}");
        }

        _position += numBytes;
    }

    public override void Seek(long pos)
    {
        ObjectDisposedException.ThrowIf(_mapping.Closed, this);
        if (pos < 0 || pos > _length)
        {
            throw new EndOfStreamException($"Position {pos} hors du fichier ({_length} octets) : {this}");
        }

        _position = pos;
    }

    public override object Clone()
    {
        ObjectDisposedException.ThrowIf(_mapping.Closed, this);
        var clone = (MappedIndexInput)base.Clone();
        clone._owner = false;
        return clone;
    }

    /// <summary>A window of this input, starting at its beginning (compound file entries).</summary>
    public MappedIndexInput Slice(string description, long offset, long length)
    {
        ObjectDisposedException.ThrowIf(_mapping.Closed, this);
        if (offset < 0 || length < 0 || offset + length > _length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Tranche {offset}+{length} hors du fichier ({_length} octets) : {this}");
        }

        return new MappedIndexInput(description, _mapping, _start + offset, length, owner: false);
    }

    protected override void Dispose(bool disposing)
    {
        // Only the input that opened the map closes it; the memory itself goes with the last clone.
        if (disposing && _owner)
        {
            _mapping.Closed = true;
        }
    }

    private ReadOnlySpan<byte> Span(int count)
    {
        if (count > _length - _position)
        {
            throw new EndOfStreamException($"Lecture après la fin : {this}");
        }

        return new ReadOnlySpan<byte>(_start + _position, count);
    }
}
