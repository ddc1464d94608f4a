using Funding.Formatting;
using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>One amount for the whole period, promised as is.</summary>
/// <param name="Amount">The amount, zero or positive.</param>
public sealed record FixedTotalRule(Money Amount) : ContributionRule
{
    internal static readonly RuleField AmountField = new("amount", RuleFieldKind.Money, "Montant",
        "Le montant promis pour toute la période.")
    { Required = true, Minimum = 0m };

    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond",
        "Un montant promis n'est jamais réduit : au-delà du plafond, le contrôle des plafonds échoue.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("fixedTotal", "Montant pour la période", "Un montant promis pour toute la période, versé tel quel.", [AmountField, CapField])
        {
            IsPromise = true,
            Example = new FixedTotalRule(Money.Euros(10_000m)) { Cap = Money.Euros(20_000m) },
        },
        reader => new FixedTotalRule(reader.Money(AmountField) ?? Money.Zero) { Cap = reader.Money(CapField) });

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Registration.Descriptor;

    /// <inheritdoc />
    public override bool IsPromise => true;

    /// <inheritdoc />
    public override WaterfallStage Stage => WaterfallStage.InOrder;

    /// <inheritdoc />
    public override PaymentMode DefaultPayment => new OncePayment();

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
        writer.Money(AmountField, Amount);
        writer.Money(CapField, Cap);
    }

    internal override decimal PromisedBound(FundingPeriod period) => Amount.Amount;

    internal override void Validate(RuleValidation validation) =>
        validation.NonNegative(Amount, AmountField, new Subject("le montant", "the amount"));

    internal override void Evaluate(RuleEvaluation evaluation) => PayPromised(evaluation, Amount, Cap);

    /// <summary>Due as promised, or au prorata of the actual expenses.</summary>
    internal override void Due(RuleDue due) => PayPromisedDue(due);

    internal override string DueBasis(DueBasisContext context) => PromiseDueBasis(context);

    internal override SweepStep? CompileStep(SweepCompilation compilation) => new PromiseSweepStep(Amount, annual: null, Cap);

    /// <summary>The amount promised, an input.</summary>
    public override string? Formula(IFormulaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Input("montant total", Amount);
    }

    /// <summary>A promised amount for the period, paid whole; above its cap, it is kept and said.</summary>
    internal static void PayPromised(RuleEvaluation evaluation, Money amount, Money? cap)
    {
        var limit = cap is { } c && amount > c ? ContributionLimit.AboveCap : ContributionLimit.None;
        evaluation.Pay(amount, limit, new FixedTotalTrace(amount, limit == ContributionLimit.AboveCap ? cap : null));
    }

    /// <summary>A promise's due: the grant as promised, or au prorata of the actual expenses (grant × actual / planned).</summary>
    internal static void PayPromisedDue(RuleDue due) =>
        PayPromised(due.Actual, due.Terms.FixedProRata ? due.ProRata(due.Granted) : due.Granted, cap: null);

    /// <summary>« dus tels que promis », or « dus au prorata des dépenses réalisées : … ».</summary>
    internal static string PromiseDueBasis(DueBasisContext context) => context.Terms.FixedProRata
        ? $"dus au prorata des dépenses réalisées : {FrenchFormat.Money(context.Granted)} × {FrenchFormat.Money(context.ActualTotal)} / {FrenchFormat.Money(context.PlannedTotal)}"
        : "dus tels que promis";
}
