using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Funding.Api;

/// <summary>
/// Remembers the responses of the computing endpoints by the exact bytes of their request.
/// </summary>
/// <remarks>
/// <para>
/// Every POST endpoint is a pure function of its body (and of <see cref="CalculationVersion"/>, fixed for the life of the
/// process): the same plan always gives the same figures, which the tests check. A finance officer's simulator re-posts
/// the same plan again and again (a baseline to compare with, a page reload), so the serialized answer of a successful
/// request is kept and served again without parsing, evaluating or serializing anything.
/// </para>
/// <para>
/// Keys are the path, the query string and the SHA-256 of the body. Only 200 answers are kept, bodies up to 256 KiB and answers up to
/// 2 MiB, within 32 MiB in all by default (<c>Funding:ResponseCacheMegabytes</c>); a hit says so in an
/// <c>X-Funding-Cache: hit</c> header. Each entry counts what it really holds in memory: the answer's bytes plus
/// <see cref="EntryOverheadBytes"/> for the array header, the key and the cache's own entry (measured by
/// ResponseCacheTests), so the limit is the memory the cache really uses.
/// </para>
/// <para>
/// The cache sits after the content-type gate (<see cref="FundingApiSetup"/>): it answers only requests the endpoint
/// itself would read, so the same body never gets a 415 from the endpoint and a 200 from the cache.
/// </para>
/// </remarks>
internal sealed class ResponseCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("Funding:ResponseCacheMegabytes", DefaultMegabytes) * 1024L * 1024L,
        TrackStatistics = true,
    });

    public const string HeaderName = "X-Funding-Cache";

    /// <summary>The default limit: 32 MiB of real memory.</summary>
    public const int DefaultMegabytes = 32;

    /// <summary>What an entry costs besides its answer's bytes: the array header, the key and MemoryCache's entry object.</summary>
    public const int EntryOverheadBytes = 512;

    /// <summary>The memory the entries count, in bytes (what the limit is compared with).</summary>
    public long CountedBytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;
    private const int MaxRequestBytes = 256 * 1024;
    private const int MaxResponseBytes = 2 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // Which endpoints cache their answers is their own metadata (.CachesAnswers()), not a list of paths here.
        var endpoint = context.GetEndpoint();
        if (!HttpMethods.IsPost(request.Method)
            || endpoint?.Metadata.GetMetadata<CachedAnswer>() is not { } cached
            || request.ContentLength is not (> 0 and <= MaxRequestBytes))
        {
            await next(context);
            return;
        }
        string path = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName ?? "";
        // A caller with a key or a token may name its workspace's own programmes: its answer is its workspace's, not everyone's.
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.Headers[HeaderName] = "bypass";
            await next(context);
            return;
        }
        if (cached.BypassWhenLean && IsLean(request))
        {
            context.Response.Headers[HeaderName] = "bypass";
            await next(context);
            return;
        }

        int length = (int)request.ContentLength.Value;
        byte[] body = new byte[length];
        int read = await ReadExactlyAsync(request.BodyReader, body, context.RequestAborted);
        // The query string is part of the question (explain=none answers differently from explain=full).
        var key = new Key(path, request.QueryString.Value ?? "", Hash(body.AsSpan(0, read)));

        if (read == length && _cache.TryGetValue(key, out byte[]? answer) && answer is not null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = answer.Length;
            context.Response.Headers[HeaderName] = "hit";
            await context.Response.Body.WriteAsync(answer, context.RequestAborted);
            return;
        }

        request.Body = new MemoryStream(body, 0, read, writable: false);
        if (endpoint.Metadata.GetMetadata<WritesBoundedAnswer>() is not null)
        {
            // The endpoint hands its answer's bytes over as it writes them (JsonAnswers): no capturing stream to grow,
            // copy out and copy again.
            var handed = new AnswerToKeep();
            context.Features.Set(handed);
            context.Response.Headers[HeaderName] = "miss";
            await next(context);
            if (read == length && context.Response.StatusCode == StatusCodes.Status200OK && handed.Bytes is { Length: <= MaxResponseBytes } bytes)
            {
                Keep(key, bytes);
            }
            return;
        }
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            context.Response.Headers[HeaderName] = "miss";
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (read == length && context.Response.StatusCode == StatusCodes.Status200OK && captured.Length <= MaxResponseBytes)
        {
            Keep(key, captured.ToArray());
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private void Keep(Key key, byte[] answer) =>
        _cache.Set(key, answer, new MemoryCacheEntryOptions { Size = answer.Length + EntryOverheadBytes, SlidingExpiration = TimeSpan.FromMinutes(30) });

    /// <summary>
    /// A plan asked with <c>explain=none</c> (the lean path) is computed faster than it is hashed, stored and looked up:
    /// caching it would only cost (measured: distinct lean plans answered 8 400–9 400 requests/s through the cache, about
    /// 10 000 without it), so it bypasses the cache.
    /// </summary>
    private static bool IsLean(HttpRequest request) =>
        request.Query.TryGetValue("explain", out var explain) && string.Equals(explain.ToString(), "none", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Empties the cache, then disposes it. <see cref="MemoryCache.Dispose()"/> does not empty it, and a disposed
    /// <see cref="MemoryCache"/> stayed reachable for a moment after its owner was dropped (after a second, not after
    /// two full collections: the memory test measured nothing released), keeping every answer with it.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cache.Clear(); // throws once the cache is disposed: hence the flag, so that a second Dispose does nothing
            _cache.Dispose();
        }
    }

    private int _disposed;

    private static async Task<int> ReadExactlyAsync(PipeReader reader, byte[] destination, CancellationToken cancellation)
    {
        int total = 0;
        while (true)
        {
            var result = await reader.ReadAsync(cancellation);
            var buffer = result.Buffer;
            foreach (var segment in buffer)
            {
                int take = Math.Min(segment.Length, destination.Length - total);
                segment.Span[..take].CopyTo(destination.AsSpan(total));
                total += take;
            }
            reader.AdvanceTo(buffer.End);
            if (result.IsCompleted || total >= destination.Length)
            {
                return total;
            }
        }
    }

    /// <summary>The SHA-256 of the body (the key's other half is the path), truncated to 128 bits.</summary>
    private static UInt128 Hash(ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(body, digest);
        return new UInt128(BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));
    }

    private readonly record struct Key(string Path, string Query, UInt128 Hash);
}

/// <summary>
/// Request feature set by <see cref="ResponseCache"/> on a miss for an endpoint that writes its own answer
/// (<see cref="WritesBoundedAnswer"/>): the endpoint leaves here a copy of the bytes it wrote, to be kept for the same
/// request.
/// </summary>
internal sealed class AnswerToKeep
{
    /// <summary>The 200 answer's bytes, as written; null when the endpoint answered otherwise.</summary>
    public byte[]? Bytes { get; set; }
}
