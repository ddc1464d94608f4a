using Funding.Plans;
using Funding.Schedules;
using static Funding.Core.Tests.Plans.PlanBuilder;

namespace Funding.Core.Tests.Plans;

/// <summary>
/// Amounts fixed per budget year. By hand, on the seed's period (April 2022 to March 2024, budget years 2022–2024), an
/// EPCI giving 8 000 € for 2022 and 11 593,50 € for 2023 promises 19 593,50 €, paid 8 000 € in 2022 and 11 593,50 € in
/// 2023 — not split by months as a total would be.
/// </summary>
public class FixedPerYearRuleTests
{
    private static Funder Epci(params (int Year, decimal Amount)[] years) =>
        new("epci", "Communauté de communes", FunderKind.Epci, new FixedPerYearRule(years.Select(y => new BudgetYearAmount(y.Year, E(y.Amount))).ToArray()));

    [Fact]
    public void TheTotalIsTheSum_AndEachYearIsPaidItsOwnAmount()
    {
        var result = PlanEvaluator.Evaluate(Annual(103_800m, 24, [Epci((2022, 8_000m), (2023, 11_593.50m)), Carrier()]));

        result.Funder("epci").Total.ShouldBe(E(19_593.50m));
        result.Funder("epci").Payment.ShouldBeOfType<PerBudgetYearPayment>();
        var payments = result.Schedule.Funders.Single(f => f.FunderId == "epci").Payments;
        payments.Select(p => (p.BudgetYear, p.Amount)).ShouldBe([(2022, E(8_000m)), (2023, E(11_593.50m))]);
        result.Funder("epci").Explanation.Sentence.ShouldBe(
            "La Communauté de communes verse des montants fixés par exercice (2022 : 8\u202F000,00\u00A0€, 2023 : 11\u202F593,50\u00A0€), soit 19\u202F593,50\u00A0€ (9,44\u00A0% du coût total).");
    }

    [Fact]
    public void PaidOnce_TheTotalIsPaidOnce()
    {
        var result = PlanEvaluator.Evaluate(Annual(103_800m, 24, [Epci((2022, 8_000m), (2023, 11_593.50m)).WithPayment(new OncePayment()), Carrier()]));

        result.Schedule.Funders.Single(f => f.FunderId == "epci").Payments.ShouldHaveSingleItem().Amount.ShouldBe(E(19_593.50m));
    }

    [Theory]
    [InlineData(2021, "hors de la période")]
    [InlineData(2025, "hors de la période")]
    public void AYearOutsideThePeriod_IsRefused(int year, string reason)
    {
        var error = PlanValidator.Validate(Annual(103_800m, 24, [Epci((year, 1_000m)), Carrier()])).ShouldHaveSingleItem();

        error.Path.ShouldBe("funders[0].rule.years[0].year");
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void AYearGivenTwice_IsRefused()
    {
        PlanValidator.Validate(Annual(103_800m, 24, [Epci((2022, 1_000m), (2022, 2_000m)), Carrier()])).ShouldHaveSingleItem().Path
            .ShouldBe("funders[0].rule.years[1].year");
    }
}
