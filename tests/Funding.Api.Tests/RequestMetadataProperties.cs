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

    /// <summary>
    /// A step the body leaves out is the documented default, 1, by both metadata (the generated one read 0 while the
    /// property was init-only: dotnet/runtime#84484; the property above found it about one run in three).
    /// </summary>
    [Fact]
    public void AnOmittedStep_IsTheDefault_ByBoth()
    {
        const string json = """{"from": "2022-01-01", "to": "2022-06-01"}""";
        JsonSerializer.Deserialize<SweepDateRangeInput>(json, ApiJson.Options)!.StepMonths.ShouldBe(1);
        JsonSerializer.Deserialize<SweepDateRangeInput>(json, Generated)!.StepMonths.ShouldBe(1);
    }

    /// <summary>
    /// No request contract has an init-only property with a value of its own: the generated metadata would overwrite
    /// it with the type's default when a body leaves it out, and reflection would keep it. Such a default must sit on
    /// a setter (or be applied when mapping).
    /// </summary>
    [Fact]
    public void NoRequestContract_HasAnInitOnlyPropertyWithADefault()
    {
        var contracts = typeof(PlanRequest).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && RequestContractResolver.IsRequestContract(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        contracts.Count.ShouldBeGreaterThan(20, "the request contracts are found");
        var offenders = (
            from type in contracts
            let instance = Activator.CreateInstance(type)!
            from property in type.GetProperties()
            where property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true
            let value = property.GetValue(instance)
            where !Equals(value, property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null)
            select $"{type.Name}.{property.Name}").ToList();
        offenders.ShouldBeEmpty();
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
