using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Funding.Contracts;
using Funding.Contracts.Errors;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;

namespace Funding.Benchmarks;

/// <summary>
/// What <c>POST /v1/plans</c> does with a seed plan, step by step and in process (no sockets): read the JSON, map it to
/// the domain, evaluate (explained, or lean for explain=none), map the answer, write the JSON. Where the time of a
/// distinct plan over HTTP goes.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly JsonSerializerOptions _options = Options();
    private byte[] _body = [];
    private PlanRequest _request = null!;
    private Plan _plan = null!;
    private PlanResult _result = null!;
    private PlanResponse _none = null!;
    private PlanFigures _figures = null!;
    private PlanResponse _full = null!;
    private PlanResponse _summary = null!;
    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(16 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _plan = SamplePlans.TerritoireIndustrieFinistere.Plan;
        _request = PlanMapping.ToRequest(_plan);
        _body = JsonSerializer.SerializeToUtf8Bytes(_request, _options);
        _result = PlanEvaluator.Evaluate(_plan);
        _figures = PlanEvaluator.Figures(_plan);
        _none = PlanResultMapping.ToResponse(_figures, _plan);
        _full = PlanResultMapping.ToResponse(_result, ExplainLevel.Full);
        _summary = PlanResultMapping.ToResponse(PlanEvaluator.Evaluate(_plan, ExplanationDepth.Summary), ExplainLevel.Summary);
    }

    [Benchmark]
    public PlanRequest? ReadRequest() => JsonSerializer.Deserialize<PlanRequest>(_body, _options);

    [Benchmark]
    public Plan? MapToDomain() => PlanMapping.ToDomain(_request, new RequestErrors());

    /// <summary>Body to domain, as the endpoint does it: a rule read from a body keeps the parts its check read.</summary>
    [Benchmark]
    public Plan? ReadAndMapToDomain() => PlanMapping.ToDomain(JsonSerializer.Deserialize<PlanRequest>(_body, _options)!, new RequestErrors());

    [Benchmark]
    public PlanResult Evaluate() => PlanEvaluator.Evaluate(_plan);

    /// <summary>explain=summary: no payment's sentence is built.</summary>
    [Benchmark]
    public PlanResult EvaluateSummary() => PlanEvaluator.Evaluate(_plan, ExplanationDepth.Summary);

    /// <summary>explain=none: the lean figures.</summary>
    [Benchmark]
    public PlanFigures EvaluateLean() => PlanEvaluator.Figures(_plan);

    [Benchmark]
    public PlanResponse MapAnswerNone() => PlanResultMapping.ToResponse(_figures, _plan);

    [Benchmark]
    public byte[] WriteAnswerNone() => JsonSerializer.SerializeToUtf8Bytes(_none, _options);

    /// <summary>The lean answer as the endpoint wrote it until issue #28's fourth round: mapped to the records, then serialized.</summary>
    [Benchmark]
    public int MapAndWriteAnswerNone()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true });
        JsonSerializer.Serialize(writer, PlanResultMapping.ToResponse(_figures, _plan), _options);
        return _buffer.WrittenCount;
    }

    /// <summary>The lean answer as the endpoint writes it now: straight from the figures, the same bytes.</summary>
    [Benchmark]
    public int WriteAnswerNoneByHand()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true });
        PlanAnswerWriter.WriteLean(writer, _figures, _plan);
        return _buffer.WrittenCount;
    }

    /// <summary>The full answer as the endpoint wrote it until issue #28's fourth round: the result mapped to the records, then serialized.</summary>
    [Benchmark]
    public int MapAndWriteAnswerFull()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true });
        JsonSerializer.Serialize(writer, PlanResultMapping.ToResponse(_result, ExplainLevel.Full), _options);
        return _buffer.WrittenCount;
    }

    /// <summary>The full answer as the endpoint writes it now: straight from the result, the same bytes.</summary>
    [Benchmark]
    public int WriteAnswerFullByHand()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = _options.Encoder, SkipValidation = true });
        PlanAnswerWriter.WriteExplained(writer, _result, ExplainLevel.Full);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public byte[] WriteAnswerFull() => JsonSerializer.SerializeToUtf8Bytes(_full, _options);

    [Benchmark]
    public byte[] WriteAnswerSummary() => JsonSerializer.SerializeToUtf8Bytes(_summary, _options);

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        return options;
    }
}
