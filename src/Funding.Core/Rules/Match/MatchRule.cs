using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// A funder that matches another: it pays what that funder pays, or a percentage of it, within its own cap — a Region
/// matching the State euro for euro up to 30 000 € (<c>match</c> of <c>etat</c>, 100 %, cap 30 000 €).
/// </summary>
/// <remarks>
/// amount = min(cap, percent × the matched funder's total), rounded to the cent by the plan's policy; then never more
/// than what is left to fund at that point of the waterfall. The matched funder is listed before it, is not the carrier
/// paying the remainder (computed last) and is not a key-share group.
/// </remarks>
/// <param name="FunderId">The id of the funder matched.</param>
/// <param name="Rate">The share of the matched funder's total: 100 % is « euro pour euro ».</param>
public sealed record MatchRule(string FunderId, Rate Rate) : ContributionRule
{
    internal static readonly RuleField FunderIdField = new("funderId", RuleFieldKind.FunderId, "Financeur abondé",
        "L'identifiant du financeur abondé, listé avant celui-ci ; ni le porteur qui paie le reste, ni un groupe.")
    { Required = true };

    internal static readonly RuleField PercentField = new("percent", RuleFieldKind.Percent, "Taux d'abondement",
        "La part de la participation du financeur abondé : 100 pour « euro pour euro ».")
    { Minimum = 0m, Maximum = 100m, Default = "100" };

    internal static readonly RuleField CapField = new("cap", RuleFieldKind.Money, "Plafond",
        "Le montant au-delà duquel l'abondement s'arrête.")
    { Minimum = 0m };

    /// <summary>The rule type's registration: its descriptor and how it reads itself.</summary>
    public static RuleType Registration { get; } = new(
        new RuleDescriptor("match", "Abondement", "Une part de la participation d'un autre financeur, listé avant (la Région abonde l'État euro pour euro, jusqu'à 30 000 €).",
            [FunderIdField, PercentField, CapField])
        {
            Sweeps = [new RuleSweep(SweepParameter.Rate, PercentField.Name, "taux d'abondement"), new RuleSweep(SweepParameter.Cap, CapField.Name, "plafond")],
            Example = new MatchRule("etat", Rate.Percent(25)) { Cap = Money.Euros(15_000m) },
        },
        reader => new MatchRule(reader.Text(FunderIdField) ?? "", reader.Percent(PercentField) ?? Rate.Full) { Cap = reader.Money(CapField) });

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
    public override IReadOnlyList<string> DependsOn => [FunderId];

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

    internal override void Write(IRuleWriter writer)
    {
        writer.Text(FunderIdField, FunderId);
        writer.Percent(PercentField, Rate);
        writer.Money(CapField, Cap);
    }

    internal override decimal PromisedBound(FundingPeriod period) => 0m;

    /// <summary>A match follows a funder listed before it, computed by then: not itself, not the remainder, not a group.</summary>
    internal override void Validate(RuleValidation validation)
    {
        validation.Id(FunderId, FunderIdField);
        var path = validation.Path.Field(FunderIdField.Name);
        int target = validation.IndexOf(FunderId);
        if (target < 0 || target >= validation.Index)
        {
            bool isMember = validation.IsGroupMember(FunderId);
            validation.Add(path, new FundingMessage(ErrorCodes.ValueNotAllowed,
                target < 0
                    ? $"« {FunderId} » n'est pas un financeur du plan{(isMember ? " (c'est un membre d'un groupe : un abondement suit un financeur, pas un membre)" : "")} : un abondement suit un financeur listé avant lui."
                    : $"« {FunderId} » est listé après (ou est) le financeur qui l'abonde : un abondement suit un financeur listé avant lui, dont le montant est déjà calculé.",
                target < 0
                    ? $"'{FunderId}' is not a funder of the plan{(isMember ? " (it is a group member: a match follows a funder, not a member)" : "")}: a match follows a funder listed before it."
                    : $"'{FunderId}' is listed after (or is) the funder that matches it: a match follows a funder listed before it, whose amount is already computed."));
            return;
        }
        if (validation.Plan.Funders[target]?.Rule is { CanBeMatched: false })
        {
            validation.Add(path, new FundingMessage(ErrorCodes.ValueNotAllowed,
                $"« {FunderId} » paie le reste ou partage une enveloppe entre des membres : un abondement suit un financeur dont le montant est calculé par sa propre règle.",
                $"'{FunderId}' pays the remainder or shares a pool between members: a match follows a funder whose amount its own rule computes."));
        }
    }

    internal override void Evaluate(RuleEvaluation evaluation) => Pay(evaluation, Cap);

    /// <summary>
    /// The due: the share of the matched funder's due. Under a shared ceiling, never more than the grant; under a ceiling
    /// per budget year, spread over the years as the grant was, each within what the year still needs.
    /// </summary>
    internal override void Due(RuleDue due)
    {
        var grant = due.Granted;
        if (!due.InYearlyCeiling)
        {
            Pay(due.Actual, due.InSharedCeiling ? Money.Min(Cap ?? grant, grant) : Cap);
            return;
        }
        var actual = due.Actual;
        var (name, matched) = actual.Earlier(FunderId);
        decimal exact = Rate.ExactOf(matched);
        var computed = actual.Policy.RoundToCents(exact);
        var cap = Money.Min(Cap ?? grant, grant);
        var (amount, limit) = computed > cap ? (cap, ContributionLimit.Cap) : (computed, ContributionLimit.None);
        var years = due.AsGranted(amount);
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
        actual.Pay(total, limit, new MatchTrace(name, matched, Rate, exact, computed, cap, actual.Available, total, limit), years);
    }

    internal override string DueBasis(DueBasisContext context) => "selon sa règle appliquée aux dépenses réelles";

    /// <summary><c>MIN(ROUND(taux × total du financeur suivi, 2), plafond)</c>.</summary>
    public override string? Formula(IFormulaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TotalOf(FunderId) is not { } matched || context.Round($"{context.Input("taux", Rate)}*{matched}") is not { } amount)
        {
            return null;
        }
        return Cap is { } cap ? $"MIN({amount},{context.Input("plafond", cap)})" : amount;
    }

    internal override SweepStep? CompileStep(SweepCompilation compilation)
    {
        // An earlier funder with a total by then (the validator guarantees it; anything else is the engine's).
        int matched = compilation.IndexOf(FunderId);
        return matched < 0 || matched >= compilation.Index || compilation.IsLast(matched) ? null : new MatchSweepStep(this, matched);
    }

    private void Pay(RuleEvaluation evaluation, Money? cap)
    {
        var (name, matched) = evaluation.Earlier(FunderId);
        decimal exact = Rate.ExactOf(matched);
        var computed = evaluation.Policy.RoundToCents(exact);
        var amount = computed;
        var limit = ContributionLimit.None;
        if (cap is { } c && amount > c)
        {
            (amount, limit) = (c, ContributionLimit.Cap);
        }
        var available = evaluation.Available;
        if (amount > available)
        {
            (amount, limit) = (available, ContributionLimit.LeftToFund);
        }
        evaluation.Pay(amount, limit, new MatchTrace(name, matched, Rate, exact, computed, cap, available, amount, limit));
    }
}
