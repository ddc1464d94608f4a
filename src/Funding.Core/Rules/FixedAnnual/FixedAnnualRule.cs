using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// A fixed amount per year of the period: Quimper Bretagne Occidentale's 11 593,50 € a year.
/// </summary>
/// <remarks>
/// The total is annual amount × months / 12 (2 years → × 2), rounded to the cent by the plan's policy when the period is
/// not whole years. It is a promise: it is not reduced when the plan is over-funded (the plan reports it).
/// </remarks>
/// <param name="AnnualAmount">The amount per full year, zero or positive.</param>
public sealed record FixedAnnualRule(Money AnnualAmount) : ContributionRule
{
    internal static readonly RuleField AnnualAmountField = new("annualAmount", RuleFieldKind.Money, "Montant annuel",
        "Le montant promis pour une année pleine ; une année partielle en reçoit sa part au prorata des mois.")
    { Required = true, Minimum = 0m };

    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond",
        "Un montant promis n'est jamais réduit : au-delà du plafond, le contrôle des plafonds échoue.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("fixedAnnual", "Montant annuel", "Un montant promis par année du poste (11 593,50 € par an), au prorata des mois pour une année partielle.",
            [AnnualAmountField, CapField])
        {
            IsPromise = true,
            Sweeps = [new RuleSweep(SweepParameter.AnnualAmount, AnnualAmountField.Name, "montant annuel")],
            Example = new FixedAnnualRule(Money.Euros(11_593.50m)) { Cap = Money.Euros(25_000m) },
        },
        reader => new FixedAnnualRule(reader.Money(AnnualAmountField) ?? Money.Zero) { Cap = reader.Money(CapField) });

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
    public override Money? PromisedAnnualAmount => AnnualAmount;

    /// <inheritdoc />
    public override IReadOnlyList<RuleParameter> SweepParameters { get; } = [new(SweepParameter.AnnualAmount)];

    /// <inheritdoc />
    public override ContributionRule? WithValue(RuleParameter parameter, SweepValue value) =>
        parameter.Parameter == SweepParameter.AnnualAmount ? this with { AnnualAmount = value.Amount } : null;

    /// <inheritdoc />
    public override bool HasValue(RuleParameter parameter, SweepValue value) =>
        parameter.Parameter == SweepParameter.AnnualAmount && AnnualAmount == value.Amount;

    internal override void Write(IRuleWriter writer)
    {
        writer.Money(AnnualAmountField, AnnualAmount);
        writer.Money(CapField, Cap);
    }

    internal override decimal PromisedBound(FundingPeriod period) => period.Prorate(AnnualAmount);

    internal override void Validate(RuleValidation validation) =>
        validation.NonNegative(AnnualAmount, AnnualAmountField, new Subject("le montant annuel", "the annual amount"));

    internal override void Evaluate(RuleEvaluation evaluation)
    {
        var period = evaluation.Period;
        decimal exact = period.Prorate(AnnualAmount);
        var amount = evaluation.Policy.RoundToCents(exact);
        var limit = Cap is { } cap && amount > cap ? ContributionLimit.AboveCap : ContributionLimit.None;
        evaluation.Pay(amount, limit, new FixedAnnualTrace(AnnualAmount, period.Months, exact, amount, limit == ContributionLimit.AboveCap ? Cap : null));
    }

    /// <summary>Due as promised, or au prorata of the actual expenses.</summary>
    internal override void Due(RuleDue due) => FixedTotalRule.PayPromisedDue(due);

    internal override string DueBasis(DueBasisContext context) => FixedTotalRule.PromiseDueBasis(context);

    internal override SweepStep? CompileStep(SweepCompilation compilation) =>
        new PromiseSweepStep(compilation.Kernel.Prorated(AnnualAmount), AnnualAmount, Cap);

    /// <summary>The annual amount × the years (whole years: exact), or rounded × months / 12.</summary>
    public override string? Formula(IFormulaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string annual = context.Input("montant annuel", AnnualAmount);
        return context.Months % 12 == 0
            ? $"{annual}*{(context.Months / 12).ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : context.Round($"{annual}*{context.Months.ToString(System.Globalization.CultureInfo.InvariantCulture)}/12");
    }
}
