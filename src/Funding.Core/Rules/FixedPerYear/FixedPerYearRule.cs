using Funding.Allocation;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// Fixed amounts given budget year by budget year, promised as they are: 2022 → 8 000 €, 2023 → 11 593,50 €. Paid per
/// budget year, each year's payment is that year's amount.
/// </summary>
/// <param name="Years">The amounts, one per budget year of the plan's period (years not listed get nothing).</param>
public sealed record FixedPerYearRule(IReadOnlyList<BudgetYearAmount> Years) : ContributionRule
{
    internal static readonly RuleField YearsField = new("years", RuleFieldKind.YearAmounts, "Montants par exercice",
        "Un montant promis pour chaque exercice de la période ; un exercice absent ne reçoit rien.")
    { Required = true };

    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond",
        "Un montant promis n'est jamais réduit : au-delà du plafond, le contrôle des plafonds échoue.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("fixedPerYear", "Montants par exercice", "Des montants promis exercice par exercice (2022 : 8 000 €, 2023 : 11 593,50 €).",
            [YearsField, CapField])
        {
            IsPromise = true,
            Example = new FixedPerYearRule([new BudgetYearAmount(2022, Money.Euros(8_000m)), new BudgetYearAmount(2023, Money.Euros(11_593.50m))]) { Cap = Money.Euros(25_000m) },
        },
        reader => new FixedPerYearRule(reader.YearAmounts(YearsField) ?? []) { Cap = reader.Money(CapField) });

    /// <summary>The total: the sum of the years' amounts.</summary>
    public Money Total => Years.Aggregate(Money.Zero, (sum, y) => sum + y.Amount);

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Registration.Descriptor;

    /// <inheritdoc />
    public override bool IsPromise => true;

    /// <inheritdoc />
    public override WaterfallStage Stage => WaterfallStage.InOrder;

    /// <inheritdoc />
    public override PaymentMode DefaultPayment => new PerBudgetYearPayment();

    /// <inheritdoc />
    public override bool CanBeMatched => true;

    /// <inheritdoc />
    public override bool CanShareCeiling => false;

    /// <inheritdoc />
    public override IReadOnlyList<RuleParameter> SweepParameters => [];

    /// <inheritdoc />
    public override ContributionRule? WithValue(RuleParameter parameter, SweepValue value) => null;

    /// <inheritdoc />
    public override bool HasValue(RuleParameter parameter, SweepValue value) => false;

    internal override void Write(IRuleWriter writer)
    {
        writer.YearAmounts(YearsField, Years);
        writer.Money(CapField, Cap);
    }

    internal override decimal PromisedBound(FundingPeriod period) => Years?.Where(y => y is not null).Sum(y => y.Amount.Amount) ?? 0m;

    internal override void Validate(RuleValidation validation)
    {
        var path = validation.Path.Field(YearsField.Name);
        if (Years is not { Count: > 0 })
        {
            validation.Add(path, CommonMessages.Missing("Donnez le montant d'au moins un exercice.", "Give the amount of at least one budget year."));
            return;
        }
        var seen = new HashSet<int>();
        var period = validation.Period;
        for (int k = 0; k < Years.Count; k++)
        {
            var year = Years[k];
            if (year is null)
            {
                validation.Add(path.Item(k), CommonMessages.Missing("Un exercice manque (null).", "A budget year is missing."));
                continue;
            }
            if (!seen.Add(year.Year))
            {
                validation.Add(path.Item(k).Field("year"), new FundingMessage(ErrorCodes.YearsNotConsecutive,
                    $"L'exercice {year.Year} est donné deux fois.", $"The budget year {year.Year} is given twice."));
            }
            if (year.Amount.IsNegative)
            {
                validation.Add(path.Item(k).Field("amount"), CommonMessages.Negative(new Subject($"le montant de {year.Year}", $"the amount of {year.Year}"), year.Amount));
            }
        }
        for (int k = 0; k < Years.Count && period is not null; k++)
        {
            if (Years[k] is { } year && (year.Year < period.Start.Year || year.Year > period.End.Year))
            {
                validation.Add(path.Item(k).Field("year"), new FundingMessage(ErrorCodes.PeriodOutOfRange,
                    $"L'exercice {year.Year} est hors de la période du plan, exercices {period.Start.Year} à {period.End.Year}.",
                    $"The budget year {year.Year} is outside the plan's period, budget years {period.Start.Year} to {period.End.Year}."));
            }
        }
    }

    internal override void Evaluate(RuleEvaluation evaluation) => PayYears(evaluation, Years);

    /// <summary>Due as promised, year by year; au prorata, the total scaled by actual / planned expenses, split over the years as promised.</summary>
    internal override void Due(RuleDue due)
    {
        if (!due.Terms.FixedProRata)
        {
            PayYears(due.Actual, Years);
            return;
        }
        var amount = due.ProRata(Total);
        var weights = Years.Select(y => y.Amount.TotalCents).ToArray();
        var amounts = weights.Sum() == 0 ? new Money[weights.Length] : LargestRemainder.Split(amount, weights);
        PayYears(due.Actual, Years.Select((y, k) => y with { Amount = amounts[k] }).ToArray());
    }

    internal override string DueBasis(DueBasisContext context) => FixedTotalRule.PromiseDueBasis(context);

    internal override SweepStep? CompileStep(SweepCompilation compilation) => null;

    private void PayYears(RuleEvaluation evaluation, IReadOnlyList<BudgetYearAmount> promised)
    {
        var years = promised.OrderBy(y => y.Year).ToArray();
        var amount = years.Aggregate(Money.Zero, (sum, y) => sum + y.Amount);
        var limit = Cap is { } cap && amount > cap ? ContributionLimit.AboveCap : ContributionLimit.None;
        evaluation.Pay(amount, limit, new FixedPerYearTrace(years, amount, limit == ContributionLimit.AboveCap ? Cap : null), years);
    }
}
