using System.Text;
using Funding.Allocation;
using Funding.Contracts;
using Funding.Plans;
using NodaTime;

namespace Funding.Api.Tests;

/// <summary>
/// Every rule type of the domain is registered once (<see cref="RuleCatalog"/>), and its JSON contract is its descriptor's:
/// what a rule writes uses only its descriptor's fields, and reads back to the same rule.
/// </summary>
public class RuleContractTests
{
    [Fact]
    public void EveryDomainRule_IsRegisteredOnce_UnderItsType()
    {
        var domainTypes = typeof(ContributionRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ContributionRule)) && !t.IsAbstract)
            .ToArray();
        var registered = RuleCatalog.All.Select(t => t.Descriptor.Type).ToArray();

        registered.Distinct(StringComparer.Ordinal).Count().ShouldBe(registered.Length);
        domainTypes.Length.ShouldBe(registered.Length);
        foreach (var type in domainTypes)
        {
            var registration = (RuleType)type.GetProperty("Registration")!.GetValue(null)!;
            RuleCatalog.Find(registration.Descriptor.Type).ShouldBeSameAs(registration, type.Name);
        }
    }

    /// <summary>One rule of each type with every field set, in one plan (a match follows the State; a group shares by population).</summary>
    internal static readonly Plan EveryField = new("Toutes les règles",
        new AnnualCost(Money.Euros(103_800m), new FundingPeriod(new LocalDate(2022, 4, 1), 24)),
        [
            new Funder("etat", "État", FunderKind.State, new RateRule(Rate.Percent(50))
            {
                Cap = Money.Euros(80_000m), EligibleBase = Money.Euros(150_000m), Floor = Money.Euros(1_000m), CapScope = CapScope.BudgetYear,
            }),
            new Funder("region", "Région", FunderKind.Region, new MatchRule("etat", Rate.Percent(25)) { Cap = Money.Euros(15_000m) }),
            new Funder("qbo", "QBO", FunderKind.Epci, new FixedAnnualRule(Money.Euros(11_593.50m)) { Cap = Money.Euros(25_000m) }),
            new Funder("ccpcp", "CCPCP", FunderKind.Epci, new FixedPerYearRule([new BudgetYearAmount(2022, Money.Euros(8_000m)), new BudgetYearAmount(2023, Money.Euros(1_000m))]) { Cap = Money.Euros(9_000m) }),
            new Funder("departement", "Département", FunderKind.Department, new FixedTotalRule(Money.Euros(5_000m)) { Cap = Money.Euros(6_000m) }),
            new Funder("epci", "Autres EPCI", FunderKind.Epci, new KeyShareRule(new ShareOfRemainingPool(Rate.Percent(50)), AllocationKey.ByWeight("population"),
                [new KeyShareMember("brest", "Brest", FunderKind.Epci) { Weight = 213_403m, Cap = Money.Euros(9_000m) }, new KeyShareMember("morlaix", "Morlaix", FunderKind.Epci) { Weight = 65_507m, Floor = Money.Euros(100m) }])
            {
                Cap = Money.Euros(20_000m),
            }),
            new Funder("region-emploi", "Région (emplois aidés)", FunderKind.Region, new DegressiveRateRule([Rate.Percent(30), Rate.Percent(20)]) { CapPerYear = Money.Euros(10_000m) }),
            new Funder("porteur", "Porteur", FunderKind.Private, new RemainderRule { Cap = Money.Euros(200_000m) }),
        ]);

    [Fact]
    public void EveryRuleType_WritesOnlyItsDescriptorsFields_AndReadsBackToTheSameRule()
    {
        EveryField.Funders.Select(f => f.Rule.Type).Distinct().Count().ShouldBe(RuleCatalog.All.Count, "one rule of each registered type");
        foreach (var funder in EveryField.Funders)
        {
            var json = RuleInput.From(funder.Rule).Json;
            foreach (var property in json.EnumerateObject().Where(p => p.Name != "type"))
            {
                funder.Rule.Descriptor.Field(property.Name).ShouldNotBeNull($"{funder.Rule.Type} writes {property.Name}");
            }
            // Every field of the descriptor is written, since every one is set here.
            funder.Rule.Descriptor.Fields.Select(f => f.Name).ShouldBeSubsetOf(json.EnumerateObject().Select(p => p.Name));
        }
        string written = PlanFile.Write(EveryField);
        var read = PlanFile.Read(written);
        read.Errors.ShouldBeEmpty();
        PlanFile.Write(read.Plan!).ShouldBe(written);
        PlanEvaluator.Evaluate(read.Plan!).TotalFunded.ShouldBe(PlanEvaluator.Evaluate(EveryField).TotalFunded);
    }

    [Fact]
    public void AFieldNoDescriptorDeclares_IsRefusedOnItsPath_NamingTheRulesFields()
    {
        string json = PlanFile.Write(EveryField).Replace("\"ratePercent\"", "\"rate\"", StringComparison.Ordinal);
        var errors = PlanFile.Read(json).Errors;
        errors.ShouldContain(e => e.Path == "funders[0].rule.rate" && e.Problem.Code == ErrorCodes.FieldUnknown && e.Problem.French.Contains("ratePercent"));
        errors.ShouldContain(e => e.Path == "funders[0].rule.ratePercent" && e.Problem.Code == ErrorCodes.FieldRequired);
    }
}
