using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Funding.Application.Plans;
using Funding.Contracts;
using Funding.Contracts.Json;

namespace Funding.Api;

/// <summary>
/// The hot path of a JSON endpoint, by hand: the body read once from the request's <see cref="PipeReader"/> and
/// deserialized synchronously from its bytes (the async reader of minimal APIs takes the slower resumable path), and
/// the answer serialized synchronously into pooled memory, measured against its budget, then written once to the
/// response's <see cref="PipeWriter"/> with its length — no intermediate string, no <see cref="MemoryStream"/> copy.
/// </summary>
/// <remarks>
/// A body the contract refuses throws the same <see cref="BadHttpRequestException"/> minimal APIs throw, so that
/// <see cref="Errors.FundingExceptionHandler"/> names its problems by path exactly as for every other endpoint (the body
/// is read a second time only then). An endpoint using it declares <see cref="WritesBoundedAnswer"/>, which tells
/// <see cref="AnswerBudget"/> not to buffer it.
/// </remarks>
internal static class JsonAnswers
{
    /// <summary>The serializer's writer options of the contract: its encoder and depth.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder, MaxDepth = ApiJson.Options.MaxDepth, SkipValidation = true };

    /// <summary>The request body as <typeparamref name="T"/>, read with the API's contract.</summary>
    public static async ValueTask<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> info)
        where T : class
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(context.RequestAborted);
            var buffer = result.Buffer;
            if (!result.IsCompleted && !result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            try
            {
                return Deserialize(buffer, info) ?? throw new JsonException("The request body is null.");
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                // Kept for the exception handler, which names the body's problems from it: the request's body is not
                // buffered to be read again (ReadsBodyOnce).
                context.Features.Set(new RefusedBody(buffer.ToArray()));
                throw new BadHttpRequestException("The request body could not be read.", StatusCodes.Status400BadRequest, e);
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    /// <summary>
    /// The body's value, always read from one span with the contract's own options (a body of several segments is first
    /// copied into one pooled array), so that no reader option is set here by hand and drifts from the contract's.
    /// </summary>
    private static T? Deserialize<T>(ReadOnlySequence<byte> body, JsonTypeInfo<T> info)
    {
        if (body.IsSingleSegment)
        {
            return JsonSerializer.Deserialize(body.FirstSpan, info);
        }
        int length = checked((int)body.Length);
        byte[] whole = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.CopyTo(whole);
            return JsonSerializer.Deserialize(whole.AsSpan(0, length), info);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(whole);
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> as the 200 answer, or, beyond the request's answer budget, the budget's 400
    /// problem (<see cref="AnswerBudget"/>).
    /// </summary>
    public static Task WriteAsync<T>(HttpContext context, T value, JsonTypeInfo<T> info) =>
        WriteWithAsync(context, (value, info), static (writer, answer) => JsonSerializer.Serialize(writer, answer.value, answer.info));

    /// <summary>
    /// Writes the 200 answer <paramref name="write"/> writes from <paramref name="state"/> with the contract's writer
    /// options (a writer that bypasses the serializer, such as the plan's answers'), or, beyond the answer budget, its problem.
    /// </summary>
    public static async Task WriteWithAsync<TState>(HttpContext context, TState state, Action<Utf8JsonWriter, TState> write)
    {
        using var buffer = new PooledBuffer();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer, state);
        }
        long budget = AnswerBudget.For(context.Request.ContentLength);
        if (buffer.WrittenCount > budget)
        {
            await AnswerBudget.Problem(budget, null, AnswerBudget.ExplainOf(context.Request)).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<AnswerToKeep>() is { } keep)
        {
            keep.Bytes = buffer.WrittenMemory.ToArray();
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        await response.BodyWriter.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> on arrays rented from the shared pool, returned when disposed.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);

        public int WrittenCount { get; private set; }

        public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, WrittenCount);

        public void Advance(int count) => WrittenCount += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsMemory(WrittenCount);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _array.AsSpan(WrittenCount);
        }

        private void Ensure(int sizeHint)
        {
            int needed = WrittenCount + Math.Max(sizeHint, 1);
            if (needed <= _array.Length)
            {
                return;
            }
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(_array.Length * 2)));
            _array.AsSpan(0, WrittenCount).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
        }
    }
}

/// <summary>
/// Endpoint metadata: the endpoint measures its answer against <see cref="AnswerBudget"/> itself before writing a byte
/// (<see cref="JsonAnswers.WriteAsync{T}"/>), so the budget's middleware does not buffer it, and hands the bytes it
/// wrote to the response cache (<see cref="AnswerToKeep"/>), which does not capture them either. Declared by
/// <see cref="JsonAnswer{T}"/>.
/// </summary>
internal sealed class WritesBoundedAnswer
{
    public static WritesBoundedAnswer Instance { get; } = new();
}

/// <summary>
/// The metadata of an endpoint that reads its body with <see cref="JsonAnswers.ReadAsync{T}"/>: the body is read once,
/// straight from the connection, so it is not buffered to be read again (a refused body is kept as
/// <see cref="RefusedBody"/> for the exception handler, which names its problems).
/// </summary>
internal sealed class ReadsBodyOnce
{
    public static ReadsBodyOnce Instance { get; } = new();
}

/// <summary>The bytes of a body <see cref="JsonAnswers.ReadAsync{T}"/> refused, for the exception handler to name its problems.</summary>
/// <param name="Bytes">The body as it was received.</param>
internal sealed record RefusedBody(byte[] Bytes);

/// <summary>
/// A computing endpoint's 200 JSON answer, written by <see cref="JsonAnswers.WriteAsync{T}"/> (pooled memory, the
/// answer budget checked there, one write with its length): the typed result to use in place of <c>Ok&lt;T&gt;</c>.
/// Its metadata is <c>Ok&lt;T&gt;</c>'s (a 200 of <typeparamref name="T"/> in <c>application/json</c>, so the OpenAPI
/// document is the same) plus <see cref="WritesBoundedAnswer"/>. Only for an endpoint whose every other answer is a
/// problem: the metadata takes the whole endpoint out of the budget's buffer, so one that may also answer a file keeps
/// <c>Ok&lt;T&gt;</c>.
/// </summary>
internal sealed class JsonAnswer<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    /// <summary>The answer.</summary>
    public T Value => value;

    object? IValueHttpResult.Value => value;

    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) => JsonAnswers.WriteAsync(httpContext, value, ApiJson.TypeInfo<T>());

    /// <inheritdoc/>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(WritesBoundedAnswer.Instance);
    }
}

/// <summary>Creates <see cref="JsonAnswer{T}"/>s.</summary>
internal static class JsonAnswer
{
    /// <summary>The 200 answer <paramref name="value"/>.</summary>
    public static JsonAnswer<T> Of<T>(T value) => new(value);
}

/// <summary>
/// The 200 answer of <c>POST /v1/plans</c>, written by <see cref="PlanAnswer.Write"/> straight from the engine's results:
/// the bytes of a <see cref="JsonAnswer{T}"/> of <see cref="PlanResponse"/>, without its records (issue #28). Its
/// metadata is that answer's: the OpenAPI document describes it as the <see cref="PlanResponse"/> it is.
/// </summary>
internal sealed class PlanAnswerResult(PlanAnswer answer) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    int? IStatusCodeHttpResult.StatusCode => StatusCodes.Status200OK;

    /// <inheritdoc/>
    public Task ExecuteAsync(HttpContext httpContext) =>
        JsonAnswers.WriteWithAsync(httpContext, answer, static (writer, plan) => plan.Write(writer));

    /// <inheritdoc/>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        JsonAnswer<PlanResponse>.PopulateMetadata(method, builder);
}
