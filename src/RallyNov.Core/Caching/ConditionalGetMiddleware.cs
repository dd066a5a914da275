using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using RallyNov.Core.Tenants;

namespace RallyNov.Core.Caching;

/// <summary>
/// Validators on every public answer: an <c>ETag</c> made from the bytes sent (after compression,
/// so each encoding has its own), a <c>Last-Modified</c> that is the tenant's last change as this
/// process knows it, <c>Cache-Control: no-cache</c> (browsers and proxies may keep a copy but ask
/// every time), and <c>304 Not Modified</c> when the client's copy is current. Sits inside the
/// output cache, which stores these headers with the answer and answers conditional requests
/// itself on a hit; with the cache off, every answer is still validated here.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, SiteCacheVersions versions, ISiteCacheInvalidator invalidator, ITenantStore tenants)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!PublicAnswers.IsCandidate(context, out var tenant))
        {
            await next(context);
            return;
        }

        await PublicOutputCachePolicy.FollowAsync(versions, invalidator, tenants, tenant, context.RequestAborted);

        // Read before rendering: a change committed meanwhile must not date the older page.
        var lastModified = versions.LastChangeOf(tenant.Settings);
        var personal = PublicAnswers.IsPersonal(context, tenant);
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var body = new ValidatedResponseBody(context, original);
        context.Features.Set<IHttpResponseBodyFeature>(body);
        try
        {
            await next(context);
            await body.FinishAsync(lastModified, personal);
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    /// <summary>The client's copy is current: If-None-Match first, else If-Modified-Since (RFC 9110 §13.2.2).</summary>
    public static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            {
                return false;
            }

            var current = EntityTagHeaderValue.Parse(etag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && Truncate(lastModified) <= since;
    }

    public static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static string ETagOf(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        return "\"" + Convert.ToBase64String(hash[..15]).Replace('+', '-').Replace('/', '_') + "\"";
    }
}

/// <summary>
/// Holds a 200 answer's body until the end (the ETag is a hash of it and goes before it); any other
/// answer, one that has its own ETag, or one past <see cref="MaxBuffered"/> bytes, streams through.
/// </summary>
internal sealed class ValidatedResponseBody(HttpContext context, IHttpResponseBodyFeature inner) : Stream, IHttpResponseBodyFeature
{
    private const int MaxBuffered = 4 * 1024 * 1024;

    private PooledBuffer? _buffer;
    private System.IO.Pipelines.PipeWriter? _writer;
    private Mode _mode;

    private enum Mode
    {
        Undecided,
        Buffering,
        Passthrough,
    }

    public Stream Stream => this;

    public System.IO.Pipelines.PipeWriter Writer => _writer ??= System.IO.Pipelines.PipeWriter.Create(this, new System.IO.Pipelines.StreamPipeWriterOptions(leaveOpen: true));

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public async Task FinishAsync(DateTimeOffset lastModified, bool personal)
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync(context.RequestAborted);
        }

        if (_mode == Mode.Undecided)
        {
            Decide();
        }

        if (_mode != Mode.Buffering)
        {
            return;
        }

        var response = context.Response;
        var body = _buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.Written;
        var etag = ConditionalGetMiddleware.ETagOf(body.Span);
        var headers = response.Headers;
        headers.ETag = etag;
        if (StringValues.IsNullOrEmpty(headers.LastModified))
        {
            headers.LastModified = HeaderUtilities.FormatDate(ConditionalGetMiddleware.Truncate(lastModified));
        }

        if (StringValues.IsNullOrEmpty(headers.CacheControl))
        {
            // Kept by browsers and proxies, but checked every time: a change shows at once.
            headers.CacheControl = personal ? "private, no-cache" : "no-cache";
        }

        if (ConditionalGetMiddleware.IsNotModified(context.Request, etag, lastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentLength = null;
            headers.Remove(HeaderNames.ContentType);
            headers.Remove(HeaderNames.ContentEncoding);
            await inner.StartAsync(context.RequestAborted);
            return;
        }

        headers.ContentLength = body.Length;
        await inner.StartAsync(context.RequestAborted);
        if (!body.IsEmpty)
        {
            await inner.Stream.WriteAsync(body, context.RequestAborted);
        }
    }

    public void DisableBuffering()
    {
        if (_mode == Mode.Passthrough)
        {
            inner.DisableBuffering();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) =>
        Decide() == Mode.Passthrough ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }
    }

    public override void Flush()
    {
        if (Decide() == Mode.Passthrough)
        {
            inner.Stream.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Decide() == Mode.Passthrough ? inner.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Decide() == Mode.Passthrough)
        {
            inner.Stream.Write(buffer);
        }
        else if (!Buffer(buffer))
        {
            _mode = Mode.Passthrough;
            if (_buffer is { Length: > 0 } held)
            {
                inner.Stream.Write(held.Written.Span);
                held.Dispose();
                _buffer = null;
            }

            inner.Stream.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Decide() == Mode.Passthrough)
        {
            await inner.Stream.WriteAsync(buffer, cancellationToken);
        }
        else if (!Buffer(buffer.Span))
        {
            await SpillAsync(cancellationToken);
            await inner.Stream.WriteAsync(buffer, cancellationToken);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer?.Dispose();
            _buffer = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>Headers are final at the first write: only a plain 200 without its own validator is held.</summary>
    private Mode Decide()
    {
        if (_mode == Mode.Undecided)
        {
            var response = context.Response;
            var eligible = response.StatusCode == StatusCodes.Status200OK
                && StringValues.IsNullOrEmpty(response.Headers.ETag)
                && !string.Equals(response.ContentType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
            _mode = eligible ? Mode.Buffering : Mode.Passthrough;
        }

        return _mode;
    }

    /// <summary>False when the body grew past the limit: it is then sent as it comes, without validators.</summary>
    private bool Buffer(ReadOnlySpan<byte> data)
    {
        _buffer ??= new PooledBuffer();
        if (_buffer.Length + data.Length > MaxBuffered)
        {
            return false;
        }

        _buffer.Write(data);
        return true;
    }

    private async Task SpillAsync(CancellationToken cancellationToken)
    {
        _mode = Mode.Passthrough;
        if (_buffer is { Length: > 0 } held)
        {
            await inner.Stream.WriteAsync(held.Written, cancellationToken);
            held.Dispose();
            _buffer = null;
        }
    }
}

/// <summary>A growable byte buffer on pooled arrays.</summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] _array = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public void Write(ReadOnlySpan<byte> data)
    {
        if (Length + data.Length > _array.Length)
        {
            var bigger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, Length + data.Length));
            _array.AsSpan(0, Length).CopyTo(bigger);
            System.Buffers.ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        data.CopyTo(_array.AsSpan(Length));
        Length += data.Length;
    }

    public void Dispose()
    {
        if (_array.Length > 0)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_array);
            _array = [];
            Length = 0;
        }
    }
}
