using System.Text.Json;
using Funding.Application.Plans;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Api.Tests;

/// <summary>
/// A signed version's frozen answer is read back (recomputation, the portfolio, an import) with the options for what
/// the API itself wrote: an explanation's ratio may carry the 29 significant digits a decimal holds, which the strict
/// reader refuses from clients — reading it with the strict reader once made a signed plan unreadable.
/// </summary>
public class StoredAnswerTests
{
    [Fact]
    public void EveryAnswerTheEngineWrites_IsReadBackExactly_AsStored()
    {
        var random = new Random(2026);
        int refusedByTheStrictReader = 0;
        for (int p = 0; p < 300; p++)
        {
            var start = new LocalDate(random.Next(2024, 2027), random.Next(1, 13), 1);
            var plan = PlanMapping.ToRequest(new Plan($"Poste n° {p}", new AnnualCost(Money.Euros(random.Next(30, 121) * 1_000m), new FundingPeriod(start, random.Next(6, 61))),
            [
                new Funder("etat", "État", FunderKind.State, new RateRule(Rate.Percent(random.Next(20, 51))) { Cap = Money.Euros(random.Next(20, 81) * 1_000m) }) { Payment = new OncePayment() },
                new Funder("region", "Région", FunderKind.Region, new RateRule(Rate.Percent(random.Next(5, 16)))) { Payment = new PerBudgetYearPayment() },
                new Funder("epci", "EPCI", FunderKind.Epci, new FixedAnnualRule(Money.Euros(random.Next(1, 9) * 1_000m))) { Payment = new PerBudgetYearPayment() },
                new Funder("commune", "Commune", FunderKind.Municipality, new RemainderRule()) { Payment = new PerBudgetYearPayment() },
            ]));
            byte[] written = JsonSerializer.SerializeToUtf8Bytes(PlanService.Evaluate(plan).Value!, ApiJson.Options);
            try
            {
                JsonSerializer.Deserialize<PlanResponse>(written, ApiJson.Options);
            }
            catch (JsonException)
            {
                refusedByTheStrictReader++;
            }
            var read = JsonSerializer.Deserialize<PlanResponse>(written, ApiJson.StoredOptions)!;
            JsonSerializer.SerializeToUtf8Bytes(read, ApiJson.Options).ShouldBe(written, $"plan {p}");
        }
        // The case this guards against does occur among these plans.
        refusedByTheStrictReader.ShouldBeGreaterThan(0);
    }
}
