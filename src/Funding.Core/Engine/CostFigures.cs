using System.Globalization;
using System.Numerics;
using Funding.Explaining;
using Funding.Formatting;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Engine;

/// <summary>
/// The cost of a plan: its total and each budget year's part, computed once; its explanation (the total's sentence and
/// each year's) is written only when asked.
/// </summary>
internal sealed class CostFigures
{
    private readonly CostBase _cost;
    private readonly PeriodCalendar _calendar;
    private readonly RoundingPolicy _policy;
    private readonly decimal _exact;
    private readonly YearShare[]? _shares;
    private readonly bool[]? _exactCents;

    private CostFigures(CostBase cost, PeriodCalendar calendar, RoundingPolicy policy, Money total, decimal exact, BudgetYearCost[] byYear, YearShare[]? shares, bool[]? exactCents)
    {
        _cost = cost;
        _calendar = calendar;
        _policy = policy;
        Total = total;
        _exact = exact;
        ByYear = byYear;
        _shares = shares;
        _exactCents = exactCents;
    }

    /// <summary>The total cost.</summary>
    internal Money Total { get; }

    /// <summary>Each budget year's cost, without its sentence.</summary>
    internal BudgetYearCost[] ByYear { get; }

    internal static CostFigures Of(CostBase cost, PeriodCalendar calendar, RoundingPolicy policy) => cost switch
    {
        AnnualCost { Growth: { } growth } annual when growth != Rate.Zero => Growing(annual, growth, calendar, policy),
        AnnualCost annual => Annual(annual, calendar, policy),
        PerBudgetYearCost perYear => new CostFigures(cost, calendar, policy, perYear.Years.Sum(y => y.Amount), 0m,
            perYear.Years.Select(y => new BudgetYearCost(y.Year, y.Amount, "")).ToArray(), null, null),
        _ => throw new ArgumentException($"Unknown cost type {cost.GetType().Name}.", nameof(cost)),
    };

    private static CostFigures Annual(AnnualCost annual, PeriodCalendar calendar, RoundingPolicy policy)
    {
        decimal exact = calendar.Period.Prorate(annual.AnnualAmount);
        var total = policy.RoundToCents(exact);
        var shares = BudgetYears.Split(total, calendar, annual.Prorata);
        var byYear = new BudgetYearCost[shares.Length];
        for (int k = 0; k < byYear.Length; k++)
        {
            byYear[k] = new BudgetYearCost(shares[k].Year, shares[k].Amount, "");
        }
        return new CostFigures(annual, calendar, policy, total, exact, byYear, shares, null);
    }

    /// <summary>
    /// A cost growing each budget year: year k (from 0) costs annual × (1 + growth)^k × its months / 12, computed exactly
    /// (big integers: the compounded factor outgrows a decimal) and rounded to the cent by the plan's policy; the total is
    /// the sum of the years.
    /// </summary>
    private static CostFigures Growing(AnnualCost annual, Rate growth, PeriodCalendar calendar, RoundingPolicy policy)
    {
        // growth = g / 10^8 exactly (a rate has at most 6 decimals of a percent).
        var scale = BigInteger.Pow(10, 8);
        var g = new BigInteger(decimal.Round(growth.Fraction * 100_000_000m, 0));
        var byYear = new BudgetYearCost[calendar.Years.Length];
        var exactCents = new bool[byYear.Length];
        var total = Money.Zero;
        for (int k = 0; k < byYear.Length; k++)
        {
            int months = calendar.MonthsByYear[k];
            var numerator = annual.AnnualAmount.TotalCents * BigInteger.Pow(scale + g, k) * months;
            var denominator = BigInteger.Pow(scale, k) * 12;
            var amount = Money.FromCents(policy.RoundCents(numerator, denominator));
            total += amount;
            exactCents[k] = numerator % denominator == 0;
            byYear[k] = new BudgetYearCost(calendar.Years[k], amount, "");
        }
        return new CostFigures(annual, calendar, policy, total, 0m, byYear, null, exactCents);
    }

    /// <summary>The explanation of the total and each budget year's cost with its sentence.</summary>
    internal (Explanation Total, BudgetYearCost[] ByYear) Explain()
    {
        var period = _calendar.Period;
        switch (_cost)
        {
            case AnnualCost { Growth: { } growth } annual when growth != Rate.Zero:
            {
                var byYear = new BudgetYearCost[ByYear.Length];
                for (int k = 0; k < byYear.Length; k++)
                {
                    string factor = k == 0 ? "" : k == 1 ? $" × (1 + {FrenchFormat.Rate(growth, 6)})" : $" × (1 + {FrenchFormat.Rate(growth, 6)})^{k}";
                    var amount = ByYear[k].Amount;
                    byYear[k] = ByYear[k] with
                    {
                        Sentence = $"Coût {ByYear[k].Year} : {FrenchFormat.Money(annual.AnnualAmount)}{factor} × {_calendar.MonthsByYear[k]}/12 = {(_exactCents![k] ? FrenchFormat.Money(amount) : $"{FrenchFormat.Money(amount)} après arrondi")}.",
                    };
                }
                string years = string.Join(" + ", byYear.Select(y => FrenchFormat.Money(y.Amount)));
                var explanation = new Explanation("cost",
                    $"Coût total : {FrenchFormat.Money(annual.AnnualAmount)} par an, en progression de {FrenchFormat.Rate(growth, 6)} par an à partir du deuxième exercice, soit {years} = {FrenchFormat.Money(Total)}.",
                    [
                        ExplanationTerm.Euros("annualAmount", annual.AnnualAmount),
                        ExplanationTerm.Percent("growth", growth),
                        new ExplanationTerm("months", period.Months, TermUnit.Months),
                        .. byYear.Select(y => ExplanationTerm.Euros(PlanExplainer.YearTerm(y.Year), y.Amount)),
                        ExplanationTerm.Euros("total", Total),
                    ]);
                return (explanation, byYear);
            }
            case AnnualCost annual:
            {
                var byYear = new BudgetYearCost[ByYear.Length];
                for (int k = 0; k < byYear.Length; k++)
                {
                    byYear[k] = ByYear[k] with { Sentence = _shares![k].Sentence("Coût ", Total) };
                }
                string sentence = period.Months % 12 == 0
                    ? $"Coût total : {FrenchFormat.Money(annual.AnnualAmount)} par an × {FrenchProse.Duration(period.Months)} = {FrenchFormat.Money(Total)}."
                    : $"Coût total : {FrenchFormat.Money(annual.AnnualAmount)} par an × {period.Months} mois / 12 = {Explainer.Rounded(_exact, Total, _policy)}.";
                var explanation = new Explanation("cost", sentence,
                [
                    ExplanationTerm.Euros("annualAmount", annual.AnnualAmount),
                    new ExplanationTerm("months", period.Months, TermUnit.Months),
                    ExplanationTerm.ExactEuros("exact", _exact),
                    ExplanationTerm.Euros("total", Total),
                ]);
                return (explanation, byYear);
            }
            default:
            {
                var perYear = (PerBudgetYearCost)_cost;
                var byYear = ByYear.Select(y => y with { Sentence = $"Coût {y.Year} : {FrenchFormat.Money(y.Amount)}, montant donné pour l'exercice." }).ToArray();
                string detail = string.Join(" + ", perYear.Years.Select(y => FrenchFormat.Money(y.Amount)));
                var explanation = new Explanation("cost",
                    $"Coût total : somme des coûts des exercices {perYear.Years[0].Year} à {perYear.Years[^1].Year}, {detail} = {FrenchFormat.Money(Total)}.",
                    [.. perYear.Years.Select(y => ExplanationTerm.Euros(y.Year.ToString(CultureInfo.InvariantCulture), y.Amount)), ExplanationTerm.Euros("total", Total)]);
                return (explanation, byYear);
            }
        }
    }
}
