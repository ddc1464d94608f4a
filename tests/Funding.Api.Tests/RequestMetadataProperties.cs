using System.Text.Json;
using Funding.Contracts;
using Funding.Contracts.Json;

namespace Funding.Api.Tests;

/// <summary>
/// Request bodies are read with reflection metadata (<see cref="RequestContractResolver"/>) for speed; the contract must
/// be exactly the one the source-generated metadata reads and writes, since saved plans are stored and signed as bytes.
/// </summary>
public class RequestMetadataProperties
{
    /// <summary>The contract's options without the reflection resolver: the source-generated metadata only.</summary>
    private static readonly JsonSerializerOptions Generated = CreateGenerated();

    private static JsonSerializerOptions CreateGenerated()
    {
        var options = new JsonSerializerOptions();
        ApiJson.Configure(options);
        options.TypeInfoResolverChain.Remove(RequestContractResolver.Instance);
        options.MakeReadOnly();
        return options;
    }

    private static Type RequestOf(string endpoint) => endpoint.Split('?')[0] switch
    {
        "/v1/plans" or "/v1/plans/report" => typeof(PlanRequest),
        "/v1/plans/compare" => typeof(CompareRequest),
        "/v1/plans/keys" => typeof(KeyComparisonRequest),
        "/v1/plans/sweep" => typeof(SweepRequest),
        "/v1/plans/execution" => typeof(ExecutionRequest),
        "/v1/allocations" => typeof(AllocationRequest),
        "/v1/caps" => typeof(CapRequest),
        var other => throw new ArgumentOutOfRangeException(nameof(endpoint), other, "A fuzzed endpoint without its request type here."),
    };

    /// <summary>
    /// Mutated bodies of every computing endpoint: both metadata accept exactly the same bodies, and what they read is
    /// written back to the same bytes, by either.
    /// </summary>
    [FsCheck.Xunit.Property(Arbitrary = [typeof(FuzzArbitraries)], MaxTest = 1_500)]
    public void ReflectionAndGeneratedMetadata_ReadAndWriteTheSameContract(MutatedBody body)
    {
        var type = RequestOf(body.Endpoint);
        object? reflected = Read(body.Json, type, ApiJson.Options, out string? reflectedRefusal);
        object? generated = Read(body.Json, type, Generated, out string? generatedRefusal);
        (reflectedRefusal is null).ShouldBe(generatedRefusal is null, $"reflection: {reflectedRefusal}; generated: {generatedRefusal}");
        if (reflected is not null && generated is not null)
        {
            string written = JsonSerializer.Serialize(reflected, type, ApiJson.Options);
            JsonSerializer.Serialize(generated, type, ApiJson.Options).ShouldBe(written);
            JsonSerializer.Serialize(reflected, type, Generated).ShouldBe(written);
        }
    }

    /// <summary>Every endpoint's valid body is read, and written back the same way by both metadata.</summary>
    [Fact]
    public void EveryValidBody_IsReadByBoth()
    {
        foreach (var (endpoint, json) in FuzzArbitraries.Valid)
        {
            var type = RequestOf(endpoint);
            var reflected = Read(json, type, ApiJson.Options, out string? refusal).ShouldNotBeNull(refusal);
            JsonSerializer.Serialize(reflected, type, Generated)
                .ShouldBe(JsonSerializer.Serialize(Read(json, type, Generated, out _), type, ApiJson.Options));
        }
    }

    private static object? Read(string json, Type type, JsonSerializerOptions options, out string? refusal)
    {
        try
        {
            refusal = null;
            return JsonSerializer.Deserialize(json, type, options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            refusal = e.Message;
            return null;
        }
    }
}
