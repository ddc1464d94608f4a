using System.Numerics;
using Funding.Allocation;
using Funding.Formatting;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// A degressive rate, common in regional and associative job schemes: a rate for each year of the post (year 1 = the
/// first 12 months from the start date), applied to that post-year's cost, with an optional cap per post-year.
/// </summary>
/// <remarks>
/// <para>
/// A post-year's cost is what the plan's budget years cost in its months: each budget year's cost spread equally over the
/// period's months in that year. Each post-year's amount is rate × that cost, rounded to the cent by the plan's policy
/// (computed exactly, in integers), capped; it falls into the budget years in proportion to that post-year's cost in
/// each (largest remainder, so the years add up), and, as any computed contribution, a budget year never receives more
/// than it still needs at this point of the waterfall.
/// </para>
/// <para>
/// 36 000 € a year from 1 July 2024 for 36 months at 80, 60 and 40 %: post-years 28 800 / 21 600 / 14 400 € = 64 800 €,
/// by budget year 14 400 (2024) / 25 200 (2025) / 18 000 (2026) / 7 200 (2027); capped at 25 000 € a post-year,
/// 25 000 / 21 600 / 14 400 = 61 000 €, by budget year 12 500 / 23 300 / 18 000 / 7 200 (docs/plans.md).
/// </para>
/// </remarks>
/// <param name="RatesByYear">The rate of each year of the post, in order: at least as many as the post has years.</param>
public sealed record DegressiveRateRule(IReadOnlyList<Rate> RatesByYear) : ContributionRule
{
    internal static readonly RuleField RatesField = new("ratePercentByYear", RuleFieldKind.PercentList, "Taux par année du poste",
        "Le taux de chaque année du poste, dans l'ordre : l'année 1 est faite des 12 premiers mois à partir du début. Au moins autant de taux que le poste a d'années.")
    { Required = true, Minimum = 0m, Maximum = 100m, MaxItems = FundingLimits.MaxMonths / 12 };

    internal static readonly RuleField CapField = new("capPerYear", RuleFieldKind.Money, "Plafond par année du poste",
        "Le montant au-delà duquel le financeur ne paie pas, pour chaque année du poste.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("degressiveRate", "Taux dégressif par année du poste",
            "Un taux pour chaque année du poste (80 %, puis 60 %, puis 40 %), appliqué au coût de cette année du poste, avec un plafond annuel éventuel.",
            [RatesField, CapField])
        {
            Sweeps =
            [
                new RuleSweep(SweepParameter.Rate, RatesField.Name, "taux") { PerItem = true },
                new RuleSweep(SweepParameter.Cap, CapField.Name, "plafond par année du poste"),
            ],
            Example = new DegressiveRateRule([Rate.Percent(80), Rate.Percent(60), Rate.Percent(40)]) { CapPerYear = Money.Euros(25_000m) },
        },
        reader => new DegressiveRateRule(reader.Percents(RatesField) ?? []) { CapPerYear = reader.Money(CapField) });

    /// <summary>The most this funder pays for each year of the post, or null.</summary>
    public Money? CapPerYear { get; init; }

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Registration.Descriptor;

    /// <inheritdoc />
    public override bool IsPromise => false;

    /// <inheritdoc />
    public override WaterfallStage Stage => WaterfallStage.InOrder;

    /// <inheritdoc />
    public override PaymentMode DefaultPayment => new PerBudgetYearPayment();

    /// <inheritdoc />
    public override bool CanBeMatched => true;

    /// <inheritdoc />
    public override bool CanShareCeiling => true;

    /// <inheritdoc />
    public override IReadOnlyList<RuleParameter> SweepParameters =>
        [.. Enumerable.Range(1, RatesByYear?.Count ?? 0).Select(year => new RuleParameter(SweepParameter.Rate, year)), new RuleParameter(SweepParameter.Cap)];

    /// <inheritdoc />
    public override ContributionRule? WithValue(RuleParameter parameter, SweepValue value) => parameter switch
    {
        { Parameter: SweepParameter.Rate, Year: { } year } when year >= 1 && year <= RatesByYear.Count =>
            this with { RatesByYear = [.. RatesByYear.Select((rate, k) => k == year - 1 ? value.Rate : rate)] },
        { Parameter: SweepParameter.Cap, Year: null } => this with { CapPerYear = value.Amount },
        _ => null,
    };

    /// <inheritdoc />
    public override bool HasValue(RuleParameter parameter, SweepValue value) => parameter switch
    {
        { Parameter: SweepParameter.Rate, Year: { } year } => year >= 1 && year <= RatesByYear.Count && RatesByYear[year - 1] == value.Rate,
        { Parameter: SweepParameter.Cap, Year: null } => CapPerYear == value.Amount,
        _ => false,
    };

    internal override void Write(IRuleWriter writer)
    {
        writer.Percents(RatesField, RatesByYear);
        writer.Money(CapField, CapPerYear);
    }

    internal override decimal PromisedBound(FundingPeriod period) => 0m;

    /// <summary>A rate for each year of the post, a cap zero or more.</summary>
    internal override void Validate(RuleValidation validation)
    {
        validation.NonNegative(CapPerYear, CapField, new Subject("le plafond par année du poste", "the cap per year of the post"));
        int count = RatesByYear?.Count ?? 0;
        if (validation.Period is { } period && count < PostYears(period))
        {
            int years = PostYears(period);
            validation.Add(RatesField, new FundingMessage(ErrorCodes.Missing,
                $"Le poste dure {period.Months} mois, soit {FrenchProse.Count(years, "année", "années")} : donnez un taux pour chacune ({FrenchProse.Count(count, "taux donné", "taux donnés")}).",
                $"The post lasts {period.Months} months, {years} year(s): give a rate for each ({count} given)."));
        }
    }

    internal override void Evaluate(RuleEvaluation evaluation) => Pay(evaluation, evaluation.Period, grants: null);

    /// <summary>
    /// The due on actual expenses: the same rates on the actual cost of each year of the post (the voted period's years,
    /// each budget year's actual expense spread over its months of the post); capped at the grant, each budget year never
    /// beyond its planned amount.
    /// </summary>
    internal override void Due(RuleDue due) =>
        Pay(due.Actual, due.PlannedPeriod, due.Terms.CapAtGrant ? due.Planned!.ContributionByBudgetYear.Select(y => y.Amount).ToArray() : null);

    internal override string DueBasis(DueBasisContext context) => context.Terms.CapAtGrant
        ? $"dus au taux de chaque année du poste sur la dépense réelle, dans la limite des montants attribués par exercice ({FrenchFormat.Money(context.Granted)} en tout)"
        : "selon sa règle appliquée aux dépenses réelles";

    internal override SweepStep? CompileStep(SweepCompilation compilation) => null;

    /// <summary>How many years the post has: twelve months each, the last one possibly shorter.</summary>
    private static int PostYears(FundingPeriod period) => (period.Months + 11) / 12;

    private void Pay(RuleEvaluation evaluation, FundingPeriod period, Money[]? grants)
    {
        int years = evaluation.YearCount;
        int postYears = PostYears(period);
        // months[p, k]: the period's months of budget year k that fall in post-year p (a month counts for the year it starts in).
        var months = new int[postYears, years];
        var monthsInYear = new int[years];
        for (int i = 0; i < period.Months; i++)
        {
            int k = period.Start.PlusMonths(i).Year - evaluation.YearAt(0);
            if (k >= 0 && k < years)
            {
                months[i / 12, k]++;
                monthsInYear[k]++;
            }
        }
        // Each post-year's cost in each budget year, over a common denominator: cost_k × months[p, k] / monthsInYear[k].
        long denominator = 1;
        foreach (int m in monthsInYear.Where(m => m > 0).Distinct())
        {
            denominator = denominator / (long)BigInteger.GreatestCommonDivisor(denominator, m) * m;
        }
        var policy = evaluation.Policy;
        var byYear = new Money[years];
        var rows = new DegressiveYear[postYears];
        var limit = ContributionLimit.None;
        for (int p = 0; p < postYears; p++)
        {
            var weights = new long[years];
            BigInteger cost = 0;
            for (int k = 0; k < years; k++)
            {
                weights[k] = monthsInYear[k] == 0 ? 0 : evaluation.CostIn(k).TotalCents * months[p, k] * (denominator / monthsInYear[k]);
                cost += weights[k];
            }
            // rate × cost, exactly: the rate is r / 10^8 (a percentage has at most six decimals), the cost is cents / denominator.
            var rate = RatesByYear[p];
            var r = new BigInteger(decimal.Round(rate.Fraction * 100_000_000m, 0));
            var amount = Money.FromCents(policy.RoundCents(r * cost, 100_000_000 * (BigInteger)denominator));
            var computed = amount;
            if (CapPerYear is { } cap && amount > cap)
            {
                amount = cap;
                limit = ContributionLimit.Cap;
            }
            var parts = amount.IsZero || weights.All(w => w == 0) ? new Money[years] : LargestRemainder.Split(amount, weights);
            for (int k = 0; k < years; k++)
            {
                byYear[k] += parts[k];
            }
            var from = period.Start.PlusMonths(12 * p);
            var until = p == postYears - 1 ? period.End : period.Start.PlusMonths(12 * (p + 1)).PlusDays(-1);
            rows[p] = new DegressiveYear(p + 1, from, until, rate, (decimal)cost / denominator / 100m, computed, amount);
        }
        var total = Money.Zero;
        var amounts = new BudgetYearAmount[years];
        for (int k = 0; k < years; k++)
        {
            var amount = byYear[k];
            if (grants is not null && amount > grants[k])
            {
                amount = grants[k];
                limit = ContributionLimit.Cap;
            }
            var available = Money.Max(evaluation.LeftIn(k), Money.Zero);
            if (amount > available)
            {
                amount = available;
                limit = ContributionLimit.LeftToFund;
            }
            amounts[k] = new BudgetYearAmount(evaluation.YearAt(k), amount);
            total += amount;
        }
        evaluation.Pay(total, limit, new DegressiveRateTrace(rows, CapPerYear, byYear, amounts, total), amounts);
    }
}
