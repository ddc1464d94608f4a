using System.Globalization;
using Funding.Contracts;
using Funding.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api;

/// <summary>
/// Every answer of a computing endpoint stays within a budget: at most <see cref="RequestMultiple"/> times the request's
/// size, never less than <see cref="MinBytes"/> (4 MiB) and never more than <see cref="MaxBytes"/> (64 MiB).
/// </summary>
/// <remarks>
/// <para>
/// Two guards. Before computing, an endpoint whose answer grows with its input (an allocation: one share per party,
/// each with a sentence quoting the key's label) estimates the answer from the request and refuses it when it would not
/// fit, saying which <c>explain</c> level would. While writing, <see cref="InvokeAsync"/> holds the answer in a bounded
/// buffer and, should any answer still exceed the budget, replaces it with the same 400 problem: no accepted request
/// can produce an unbounded answer (one 3 MB allocation used to answer 1,25 GB). An endpoint answering a
/// <see cref="JsonAnswer{T}"/> measures its answer itself before writing a byte, and is not buffered.
/// </para>
/// </remarks>
internal static class AnswerBudget
{
    public const long MinBytes = 4L * 1024 * 1024;
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int RequestMultiple = 32;

    /// <summary>The budget of an answer to a request of <paramref name="requestBytes"/> bytes.</summary>
    public static long For(long? requestBytes) => Math.Clamp(RequestMultiple * (requestBytes ?? 0), MinBytes, MaxBytes);

    /// <summary>The problem for an answer of about <paramref name="estimate"/> bytes (null: measured while writing).</summary>
    public static FieldProblem Error(long budget, long? estimate, ExplainLevel explain)
    {
        string size = estimate is { } e ? $"environ {Megabytes(e, "Mio")}" : "davantage";
        string sizeEn = estimate is { } e2 ? $"about {Megabytes(e2, "MiB")}" : "more than that";
        (string advice, string adviceEn) = explain switch
        {
            ExplainLevel.Full => ("demandez explain=summary (une phrase par chiffre, aucune par part ou par versement) ou explain=none (les chiffres seuls)",
                "ask for explain=summary (one sentence per figure, none per share or payment) or explain=none (figures only)"),
            ExplainLevel.Summary => ("demandez explain=none (les chiffres seuls)", "ask for explain=none (figures only)"),
            _ => ("découpez la requête en plus petites", "split the request into smaller ones"),
        };
        return new FieldProblem("explain", new FundingMessage(ErrorCodes.AnswerTooLarge,
            $"La réponse occuperait {size}, au-delà du budget de cette requête, {Megabytes(budget, "Mio")} " +
            $"({RequestMultiple} fois la requête, entre {Megabytes(MinBytes, "Mio")} et {Megabytes(MaxBytes, "Mio")}) : {advice}.",
            $"The answer would take {sizeEn}, beyond this request's budget of {Megabytes(budget, "MiB")} " +
            $"({RequestMultiple} times the request, between {Megabytes(MinBytes, "MiB")} and {Megabytes(MaxBytes, "MiB")}): {adviceEn}."));
    }

    private static readonly FundingMessage Title = new(ErrorCodes.AnswerTooLarge, "La réponse serait trop grosse.", "The answer would be too large.");

    private static readonly FundingMessage Detail = new(ErrorCodes.AnswerTooLarge,
        "Voir « errors » : le paramètre « explain » dit comment obtenir une réponse plus petite.",
        "See 'errors': the 'explain' parameter says how to get a smaller answer.");

    public static ValidationProblem Problem(long budget, long? estimate, ExplainLevel explain) =>
        Funding.Api.Errors.ApiProblems.Result([Error(budget, estimate, explain)], Title, Detail);

    private static string Megabytes(long bytes, string unit)
    {
        string number = (bytes / (1024m * 1024m)).ToString("0.##", CultureInfo.InvariantCulture);
        return (unit == "Mio" ? number.Replace('.', ',') : number) + " " + unit;
    }

    /// <summary>Holds each computing answer in a buffer bounded by its budget; an answer beyond it becomes a 400 problem.</summary>
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase)
            || context.GetEndpoint()?.Metadata.GetMetadata<WritesBoundedAnswer>() is not null)
        {
            await next(context);
            return;
        }
        long budget = For(context.Request.ContentLength);
        var original = context.Response.Body;
        context.Items[OriginalBodyKey] = original;
        using var buffer = new BoundedBuffer(budget);
        context.Response.Body = buffer;
        bool tooLarge = false;
        try
        {
            await next(context);
        }
        catch (AnswerTooLargeException)
        {
            tooLarge = true;
        }
        finally
        {
            context.Response.Body = original;
        }
        if (tooLarge)
        {
            context.Response.Clear();
            await Funding.Api.Errors.Problems.WriteAsync(context, Funding.Api.Errors.ApiProblems.Validation([Error(budget, null, ExplainOf(context.Request))], Title, Detail));
            return;
        }
        if (!context.Response.HasStarted)
        {
            context.Response.ContentLength = buffer.Length;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The explanation level the request asked for (full when it names none), for the problem's advice.</summary>
    public static ExplainLevel ExplainOf(HttpRequest request) =>
        Choices.Parse<ExplainLevel>(request.Query["explain"].ToString()).Value ?? ExplainLevel.Full;

    private static readonly object OriginalBodyKey = new();

    /// <summary>
    /// The response body around the bounded buffer, for an endpoint that streams an answer it bounded itself before
    /// writing a byte (a sweep's CSV): what it writes goes to the client at once.
    /// </summary>
    public static Stream Unbuffered(HttpContext context) =>
        context.Items.TryGetValue(OriginalBodyKey, out object? body) && body is Stream stream ? stream : context.Response.Body;

    private sealed class AnswerTooLargeException : Exception;

    /// <summary>A memory stream that refuses to grow beyond its limit.</summary>
    private sealed class BoundedBuffer(long limit) : MemoryStream
    {
        private void Check(int count)
        {
            if (Position + count > limit)
            {
                throw new AnswerTooLargeException();
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
