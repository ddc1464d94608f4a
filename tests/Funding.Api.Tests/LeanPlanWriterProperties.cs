using System.Text.Json;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Core.Tests.Plans;
using Funding.Plans;

namespace Funding.Api.Tests;

/// <summary>
/// The lean answer written by hand (<see cref="LeanPlanWriter"/>) is, byte for byte, what the serializer writes for the
/// contract's records (<see cref="PlanResultMapping.ToResponse(PlanFigures, Plan)"/>) — on generated plans of every rule,
/// key, ceiling and cost, on the samples, and on names the encoder has to escape.
/// </summary>
[Properties(Arbitrary = [typeof(PlanArbitraries)], MaxTest = 1_000)]
public class LeanPlanWriterProperties
{
    [Property]
    public void OnGeneratedPlans_TheBytesAreTheSerializers(GeneratedPlan generated) => AssertSameBytes(generated.Plan);

    [Fact]
    public void OnEverySample_TheBytesAreTheSerializers()
    {
        foreach (var sample in SamplePlans.All)
        {
            AssertSameBytes(sample.Plan);
        }
    }

    [Fact]
    public void OnNamesToEscape_AndASiren_TheBytesAreTheSerializers()
    {
        var seed = SamplePlans.TerritoireIndustrieFinistere.Plan;
        var plan = seed with
        {
            Name = "Poste « Territoire d'industrie » \"2022\" <b>&</b> \u2014 \U0001F4B6 \\ fin",
            Funders = [.. seed.Funders.Select((f, i) => i == 1 ? f with { Siren = "200068120", Name = "Quimper \"QBO\" <Cornouaille> é" } : f)],
        };
        AssertSameBytes(plan);
    }

    private static void AssertSameBytes(Plan plan)
    {
        var figures = PlanEvaluator.Figures(plan);
        var expected = JsonSerializer.SerializeToUtf8Bytes(PlanResultMapping.ToResponse(figures, plan), ApiJson.TypeInfo<PlanResponse>());
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder }))
        {
            LeanPlanWriter.Write(writer, figures, plan);
        }
        System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(System.Text.Encoding.UTF8.GetString(expected));
    }
}
