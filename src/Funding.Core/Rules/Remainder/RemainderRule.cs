using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>The carrier ("porteur") pays whatever is left to fund ("reste à charge", "autofinancement"). At most one per plan.</summary>
/// <remarks>
/// It is computed after every other rule, wherever it stands in the list, year by year: each budget year, what that
/// year's cost still needs after every other contribution to it — so a year that costs nothing asks nothing of the
/// carrier. A cap bounds the total, taken in proportion to what each year still needs. It is never negative.
/// </remarks>
public sealed record RemainderRule : ContributionRule
{
    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond",
        "Le montant au-delà duquel le porteur ne paie pas ; le reste est alors non financé.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("remainder", "Reste à charge", "Le porteur paie ce qui reste à financer de chaque exercice après tous les autres financeurs.", [CapField])
        {
            Sweeps = [new RuleSweep(SweepParameter.Cap, CapField.Name, "plafond")],
            Example = new RemainderRule { Cap = Money.Euros(150_000m) },
        },
        reader => new RemainderRule { Cap = reader.Money(CapField) });

    /// <inheritdoc />
    public override RuleDescriptor Descriptor => Registration.Descriptor;

    /// <inheritdoc />
    public override bool IsPromise => false;

    /// <inheritdoc />
    public override WaterfallStage Stage => WaterfallStage.Last;

    /// <inheritdoc />
    public override PaymentMode DefaultPayment => new PerBudgetYearPayment();

    /// <inheritdoc />
    public override bool CanBeMatched => false;

    /// <inheritdoc />
    public override bool CanShareCeiling => false;

    /// <inheritdoc />
    public override IReadOnlyList<RuleParameter> SweepParameters { get; } = [new(SweepParameter.Cap)];

    /// <inheritdoc />
    public override ContributionRule? WithValue(RuleParameter parameter, SweepValue value) =>
        parameter.Parameter == SweepParameter.Cap ? this with { Cap = value.Amount } : null;

    /// <inheritdoc />
    public override bool HasValue(RuleParameter parameter, SweepValue value) => parameter.Parameter == SweepParameter.Cap && Cap == value.Amount;

    internal override void Write(IRuleWriter writer) => writer.Money(CapField, Cap);

    internal override decimal PromisedBound(FundingPeriod period) => 0m;

    internal override void Validate(RuleValidation validation)
    {
    }

    internal override void Evaluate(RuleEvaluation evaluation)
    {
        var available = evaluation.Available;
        var amount = available;
        var limit = ContributionLimit.None;
        if (Cap is { } cap && amount > cap)
        {
            (amount, limit) = (cap, ContributionLimit.Cap);
        }
        var perYear = evaluation.Attribute(amount);
        int count = evaluation.YearCount;
        var years = new BudgetYearAmount[count];
        var rows = new RemainderYear[count];
        for (int k = 0; k < count; k++)
        {
            years[k] = new BudgetYearAmount(evaluation.YearAt(k), perYear[k]);
            rows[k] = new RemainderYear(evaluation.YearAt(k), evaluation.CostIn(k), evaluation.LeftIn(k), perYear[k]);
        }
        evaluation.Pay(amount, limit, new RemainderTrace(evaluation.TotalCost, available, amount, limit, rows), years);
    }

    /// <summary>The carrier closes the plan on the actual expenses, as it does on the planned ones.</summary>
    internal override void Due(RuleDue due) => Evaluate(due.Actual);

    internal override string DueBasis(DueBasisContext context) => "de reste à charge sur les dépenses réelles";

    internal override SweepStep? CompileStep(SweepCompilation compilation) => new RemainderSweepStep(Cap);

    /// <summary>What is still to fund after every other funder, within its cap.</summary>
    public override string? Formula(IFormulaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Cap is { } cap ? $"MIN({context.Available},{context.Input("plafond", cap)})" : context.Available;
    }
}
