using Funding.Allocation;
using Funding.Plans;
using Funding.Schedules;
using NodaTime;

namespace Funding.Core.Tests.Plans;

/// <summary>Short-hands for building plans in tests.</summary>
public static class PlanBuilder
{
    public static Money E(decimal euros) => Money.Euros(euros);

    public static Plan Seed => SamplePlans.TerritoireIndustrieFinistere.Plan;

    public static Plan Annual(decimal annual, int months, IEnumerable<Funder> funders, LocalDate? start = null) =>
        new("Test", new AnnualCost(E(annual), new FundingPeriod(start ?? new LocalDate(2022, 4, 1), months)), funders.ToArray());

    public static Funder State(decimal percent, decimal? cap = null, decimal? eligibleBase = null, decimal? floor = null) =>
        new("etat", "État", FunderKind.State, new RateRule(Rate.Percent(percent))
        {
            Cap = cap is null ? null : E(cap.Value),
            EligibleBase = eligibleBase is null ? null : E(eligibleBase.Value),
            Floor = floor is null ? null : E(floor.Value),
        });

    public static Funder FixedAnnual(string id, decimal annual, FunderKind kind = FunderKind.Epci, decimal? cap = null) =>
        new(id, id.ToUpperInvariant(), kind, new FixedAnnualRule(E(annual)) { Cap = cap is null ? null : E(cap.Value) });

    public static Funder FixedTotal(string id, decimal amount, FunderKind kind = FunderKind.OtherPublic) =>
        new(id, id.ToUpperInvariant(), kind, new FixedTotalRule(E(amount)));

    public static Funder Carrier(string id = "porteur", FunderKind kind = FunderKind.Private, decimal? cap = null) =>
        new(id, "Porteur " + id, kind, new RemainderRule { Cap = cap is null ? null : E(cap.Value) });

    public static Funder Group(string id, KeySharePool pool, params (string Id, decimal Weight, decimal? Cap)[] members) =>
        new(id, "Groupe " + id, FunderKind.Epci, new KeyShareRule(
            pool,
            AllocationKey.ByWeight("population"),
            members.Select(m => new KeyShareMember(m.Id, m.Id.ToUpperInvariant(), FunderKind.Epci) { Weight = m.Weight, Cap = m.Cap is null ? null : E(m.Cap.Value) }).ToArray()));

    public static Funder WithPayment(this Funder funder, PaymentMode payment) => funder with { Payment = payment };
}
