using Funding.Allocation;
using Funding.Execution;
using Funding.Formatting;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// A rate of the eligible base, optionally capped and floored: the State's 50 % of the cost, capped at 80 000 €.
/// </summary>
/// <remarks>
/// amount = min(cap, max(floor, rate × base)), with rate × base rounded to the cent by the plan's policy; then never
/// more than what is left to fund at that point of the waterfall. With <see cref="CapScope"/> per budget year, each year
/// is computed on its own and limited to what that year still needs.
/// </remarks>
/// <param name="Rate">The rate, 0 % to 100 %.</param>
public sealed record RateRule(Rate Rate) : ContributionRule
{
    internal static readonly RuleField RateField = new("ratePercent", RuleFieldKind.Percent, "Taux",
        "Le pourcentage de la dépense que le financeur prend en charge (50 pour 50 %).")
    { Required = true, Minimum = 0m, Maximum = 100m };

    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond",
        "Le montant au-delà duquel le financeur ne paie pas, sur la période ou par exercice.")
    { Minimum = 0m };

    internal static readonly RuleField EligibleBaseField = new("eligibleBase", RuleFieldKind.Money, "Dépense éligible",
        "La part du coût à laquelle le taux s'applique, pour toute la période ; le coût total si elle est absente.")
    { Minimum = 0m };

    internal static readonly RuleField FloorField = new("floor", RuleFieldKind.Money, "Plancher",
        "Le montant que le financeur paie au moins, sur la période ou par exercice.")
    { Minimum = 0m };

    internal static readonly RuleField CapPerField = new("capPer", RuleFieldKind.Choice, "Le plafond vaut",
        "Sur la période (le plafond borne le total) ou par exercice (chaque exercice est calculé à part et borné).")
    {
        Default = "\"period\"",
        Choices = [new RuleChoice("period", "sur la période"), new RuleChoice("budgetYear", "par exercice")],
    };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("rate", "Taux de la dépense",
            "Un pourcentage du coût ou d'une dépense éligible, avec un plafond et un plancher éventuels (l'État à 50 %, plafonné à 80 000 €).",
            [RateField, CapField, EligibleBaseField, FloorField, CapPerField])
        {
            Sweeps = [new RuleSweep(SweepParameter.Rate, RateField.Name, "taux"), new RuleSweep(SweepParameter.Cap, CapField.Name, "plafond")],
            Example = new RateRule(Rate.Percent(50)) { Cap = Money.Euros(80_000m), EligibleBase = Money.Euros(207_600m), Floor = Money.Euros(10_000m), CapScope = CapScope.Period },
        },
        Read);

    /// <summary>The eligible base ("dépense éligible") for the whole period, or null for the plan's total cost.</summary>
    public Money? EligibleBase { get; init; }

    /// <summary>The least this funder contributes ("plancher"), or null.</summary>
    public Money? Floor { get; init; }

    /// <summary>
    /// Whether the cap holds over the whole period (the default: the State's 80 000 € for the post) or for each budget
    /// year (« au plus 45 000 € par an »): then each year gives rate × that year's cost — or that year's part of the
    /// eligible base, split in proportion to the years' cost — raised to the floor and capped, each year on its own; the
    /// total is the sum.
    /// </summary>
    public CapScope CapScope { get; init; } = CapScope.Period;

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Registration.Descriptor;

    /// <inheritdoc />
    public override bool IsPromise => false;

    /// <inheritdoc />
    public override WaterfallStage Stage => WaterfallStage.InOrder;

    /// <inheritdoc />
    public override PaymentMode DefaultPayment => new OncePayment();

    /// <inheritdoc />
    public override bool CanBeMatched => true;

    /// <inheritdoc />
    public override bool CanShareCeiling => true;

    /// <inheritdoc />
    public override IReadOnlyList<RuleParameter> SweepParameters { get; } = [new(SweepParameter.Rate), new(SweepParameter.Cap)];

    /// <inheritdoc />
    public override ContributionRule? WithValue(RuleParameter parameter, SweepValue value) => parameter.Parameter switch
    {
        SweepParameter.Rate => this with { Rate = value.Rate },
        SweepParameter.Cap => this with { Cap = value.Amount },
        _ => null,
    };

    /// <inheritdoc />
    public override bool HasValue(RuleParameter parameter, SweepValue value) => parameter.Parameter switch
    {
        SweepParameter.Rate => Rate == value.Rate,
        SweepParameter.Cap => Cap == value.Amount,
        _ => false,
    };

    private static RateRule Read(IRuleReader reader) =>
        new(reader.Percent(RateField) ?? Rate.Zero)
        {
            Cap = reader.Money(CapField),
            EligibleBase = reader.Money(EligibleBaseField),
            Floor = reader.Money(FloorField),
            CapScope = reader.Choice(CapPerField) == "budgetYear" ? CapScope.BudgetYear : CapScope.Period,
        };

    internal override void Write(IRuleWriter writer)
    {
        writer.Percent(RateField, Rate);
        writer.Money(CapField, Cap);
        writer.Money(EligibleBaseField, EligibleBase);
        writer.Money(FloorField, Floor);
        writer.Choice(CapPerField, CapScope == CapScope.BudgetYear ? "budgetYear" : null);
    }

    internal override decimal PromisedBound(FundingPeriod period) => 0m;

    internal override void Validate(RuleValidation validation)
    {
        validation.NonNegative(EligibleBase, EligibleBaseField, new Subject("la base éligible", "the eligible base"));
        validation.NonNegative(Floor, FloorField, new Subject("le plancher", "the floor"));
        validation.CapNotBelowFloor(Cap, Floor, CapField);
    }

    internal override void Evaluate(RuleEvaluation evaluation)
    {
        if (CapScope == CapScope.BudgetYear)
        {
            PayPerYear(evaluation, YearBases(evaluation.CostByYear, EligibleBase), EligibleBase is null ? RateBase.YearCost : RateBase.EligibleBase,
                Floor, Cap, grants: null, effectiveBase: EligibleBase);
            return;
        }
        PayOverPeriod(evaluation, EligibleBase ?? evaluation.TotalCost, EligibleBase is not null, Cap, Floor);
    }

    /// <summary>
    /// The due on actual expenses. Capped at the grant (décret 2018-514, art. 11): the rate of the actual eligible expense
    /// within the planned one — an eligible base keeps its share of the cost — never more than the amount granted, each
    /// budget year on its own for a cap per budget year. Not capped at the grant: the rate of the actual base, an eligible
    /// base keeping its planned share of the cost. Either way, a year never receives more than it still needs.
    /// </summary>
    internal override void Due(RuleDue due)
    {
        var actual = due.Actual;
        if (CapScope == CapScope.BudgetYear)
        {
            if (due.Terms.CapAtGrant)
            {
                var plannedCosts = due.PlannedCostByYear.Select(c => c.Amount).ToArray();
                var plannedBases = YearBases(due.PlannedCostByYear, EligibleBase);
                var bases = new Money[plannedCosts.Length];
                for (int k = 0; k < bases.Length; k++)
                {
                    var spent = actual.CostIn(k);
                    bases[k] = spent >= plannedCosts[k] ? plannedBases[k] : RuleDue.ProRata(plannedBases[k], spent, plannedCosts[k], actual.Policy);
                }
                var grants = due.Planned!.ContributionByBudgetYear.Select(y => y.Amount).ToArray();
                PayPerYear(actual, bases, RateBase.ActualWithinPlanned, Floor, Cap, grants, EligibleBase);
                return;
            }
            var eligible = EligibleBase is { } planned ? due.ProRata(planned) : (Money?)null;
            PayPerYear(actual, YearBases(actual.CostByYear, eligible), eligible is null ? RateBase.YearCost : RateBase.EligibleBase, Floor, Cap, grants: null, effectiveBase: eligible);
            return;
        }
        if (!due.Terms.CapAtGrant)
        {
            PayOverPeriod(actual, EligibleBase is { } planned ? due.ProRata(planned) : actual.TotalCost, EligibleBase is not null, Cap, Floor);
            return;
        }
        var grant = due.Granted;
        var baseAmount = EligibleBase is { } e ? Money.Min(e, due.ProRata(e)) : Money.Min(due.PlannedTotal, due.ActualTotal);
        var floor = Floor is { } f ? Money.Min(f, grant) : (Money?)null;
        if (!due.InYearlyCeiling)
        {
            PayOverPeriod(actual, baseAmount, eligibleBase: true, grant, floor);
            return;
        }
        // Under a ceiling per budget year, each year's planned amount is that year's grant: the due is spread over the
        // years as the grant was, each year within what it still needs, and the ceiling applies again to each year.
        var computed = CappedRate.Of(Rate, baseAmount, grant, floor, actual.Policy);
        var years = due.AsGranted(computed.Amount);
        var limit = computed.Limit;
        var total = Money.Zero;
        for (int k = 0; k < years.Length; k++)
        {
            var available = Money.Max(actual.LeftIn(k), Money.Zero);
            if (years[k].Amount > available)
            {
                years[k] = years[k] with { Amount = available };
                limit = ContributionLimit.LeftToFund;
            }
            total += years[k].Amount;
        }
        actual.Pay(total, limit, new RatePeriodTrace(Rate, computed, actual.Available, total, limit, eligibleBase: true), years, baseAmount);
    }

    internal override string DueBasis(DueBasisContext context) => context.Terms.CapAtGrant
        ? $"dus sur la dépense réelle de {FrenchFormat.Money(context.ActualTotal)}, dans la limite de la dépense prévue et des {FrenchFormat.Money(context.Granted)} attribués ({ExecutionTerms.GrantClause})"
        : "selon sa règle appliquée aux dépenses réelles";

    internal override SweepStep? CompileStep(SweepCompilation compilation) =>
        CapScope == CapScope.Period ? new RateSweepStep(this) : null;

    /// <summary>Over the period: <c>MIN(MAX(ROUND(taux × base, 2), plancher), plafond)</c>, as <see cref="CappedRate"/> computes it.</summary>
    public override string? Formula(IFormulaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CapScope != CapScope.Period)
        {
            return null;
        }
        string rate = context.Input("taux", Rate);
        string baseAmount = EligibleBase is { } eligible ? context.Input("dépense éligible", eligible) : context.TotalCost;
        if (context.Round($"{rate}*{baseAmount}") is not { } amount)
        {
            return null;
        }
        if (Floor is { } floor)
        {
            amount = $"MAX({amount},{context.Input("plancher", floor)})";
        }
        if (Cap is { } cap)
        {
            amount = $"MIN({amount},{context.Input("plafond", cap)})";
        }
        return amount;
    }

    /// <summary>The rate over the period: capped and floored, then within what is left to fund.</summary>
    private void PayOverPeriod(RuleEvaluation evaluation, Money baseAmount, bool eligibleBase, Money? cap, Money? floor)
    {
        var computed = CappedRate.Of(Rate, baseAmount, cap, floor, evaluation.Policy);
        var available = evaluation.Available;
        var (amount, limit) = (computed.Amount, computed.Limit);
        if (amount > available)
        {
            (amount, limit) = (available, ContributionLimit.LeftToFund);
        }
        evaluation.Pay(amount, limit, new RatePeriodTrace(Rate, computed, available, amount, limit, eligibleBase),
            effectiveBase: eligibleBase || baseAmount != evaluation.TotalCost ? baseAmount : null);
    }

    /// <summary>
    /// The rate year by year: each year's base at the rate, rounded, raised to the floor, capped, within the year's grant
    /// (a due), then within what the year still needs; the total is the sum.
    /// </summary>
    private void PayPerYear(RuleEvaluation evaluation, Money[] bases, RateBase baseKind, Money? floor, Money? cap, Money[]? grants, Money? effectiveBase)
    {
        var policy = evaluation.Policy;
        var years = new BudgetYearAmount[bases.Length];
        var rows = new RateYear[bases.Length];
        var limit = ContributionLimit.None;
        var total = Money.Zero;
        for (int k = 0; k < bases.Length; k++)
        {
            decimal exact = Rate.ExactOf(bases[k]);
            var rounded = policy.RoundToCents(exact);
            var amount = rounded;
            Money? floorApplied = null, capFrom = null, grantApplied = null, availableApplied = null;
            if (floor is { } f && amount < f)
            {
                amount = f;
                floorApplied = f;
                limit = ContributionLimit.Floor;
            }
            if (cap is { } c && amount > c)
            {
                capFrom = amount;
                amount = c;
                limit = ContributionLimit.Cap;
            }
            if (grants is not null && amount > grants[k])
            {
                amount = grants[k];
                grantApplied = amount;
                limit = ContributionLimit.Cap;
            }
            var available = Money.Max(evaluation.LeftIn(k), Money.Zero);
            if (amount > available)
            {
                amount = available;
                availableApplied = available;
                limit = ContributionLimit.LeftToFund;
            }
            years[k] = new BudgetYearAmount(evaluation.YearAt(k), amount);
            rows[k] = new RateYear(evaluation.YearAt(k), bases[k], exact, rounded, floorApplied, capFrom, cap, grantApplied, availableApplied, amount);
            total += amount;
        }
        evaluation.Pay(total, limit, new RatePerYearTrace(Rate, baseKind, effectiveBase, floor, cap, rows, total), years, effectiveBase, capPerBudgetYear: true);
    }

    /// <summary>Each year's base: its cost, or its part of an eligible base split in proportion to the years' cost.</summary>
    private static Money[] YearBases(IReadOnlyList<BudgetYearCost> costByYear, Money? eligible)
    {
        if (eligible is not { } amount)
        {
            return costByYear.Select(c => c.Amount).ToArray();
        }
        bool anyCost = costByYear.Any(c => !c.Amount.IsZero);
        return LargestRemainder.Split(amount, costByYear.Select((c, k) => anyCost ? c.Amount.TotalCents : k == 0 ? 1L : 0L).ToArray());
    }
}
