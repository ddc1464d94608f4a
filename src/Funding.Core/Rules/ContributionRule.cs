using Funding.Plans;
using Funding.Schedules;

namespace Funding.Rules;

/// <summary>
/// How a funder's contribution is computed. Rules are applied in the order of the plan's funders (the waterfall).
/// </summary>
/// <remarks>
/// <para>
/// A rule answers every question asked of it, each an abstract member, so that a rule type that misses one does not
/// compile: its descriptor (JSON name, French label, fields), its validation, its evaluation budget year by budget year
/// (figures and a trace; the French sentence is the trace's explainer's), whether it is a promise or a computed
/// contribution, the parameters a sweep may vary, and its due on actual expenses. Nothing outside a rule's own folder
/// tests a rule's type: the engine, the validator, the sweep, the execution follow-up and the JSON contract ask the rule.
/// </para>
/// <para>The rule types are registered once, in <see cref="RuleCatalog"/>.</para>
/// </remarks>
public abstract record ContributionRule
{
    private protected ContributionRule()
    {
    }

    /// <summary>The rule's identifier in explanations and in the API: <c>rate</c>, <c>fixedAnnual</c>, <c>keyShare</c>…</summary>
    public string Type => Descriptor.Type;

    /// <summary>What the rule is for the JSON contract, the page and the documentation: its name, label and fields.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>
    /// The most this funder contributes ("plafond"), or null. Applied to computed contributions (rate, key share,
    /// remainder); for a fixed contribution it is checked, never applied: a promised amount is not shrunk silently.
    /// </summary>
    public Money? Cap { get; init; }

    /// <summary>
    /// Whether the contribution is a promise (a fixed amount, paid whole even beyond what is left to fund — the plan then
    /// reports the over-funding) rather than computed within what is left to fund.
    /// </summary>
    public abstract bool IsPromise { get; }

    /// <summary>When the rule applies in the waterfall: in the plan's order, or after every other rule (the remainder).</summary>
    public abstract WaterfallStage Stage { get; }

    /// <summary>How the funder pays when the plan does not say: once, or per budget year.</summary>
    public abstract PaymentMode DefaultPayment { get; }

    /// <summary>Whether another funder may match this one (<c>match</c>): its total is its own rule's, known in plan order.</summary>
    public abstract bool CanBeMatched { get; }

    /// <summary>Whether the rule may share a ceiling with others (<c>sharedCeilings</c>): it computes a contribution of its own.</summary>
    public abstract bool CanShareCeiling { get; }

    /// <summary>How many funders pay under this rule: one, or a group's members.</summary>
    public virtual int PayerCount => 1;

    /// <summary>
    /// The amount promised for each full year, when the rule promises one (QBO's 11 593,50 € a year); null otherwise.
    /// Schedules and reports show it beside the total.
    /// </summary>
    public virtual Money? PromisedAnnualAmount => null;

    /// <summary>The parameters of this rule a sweep may vary, given its current fields (a group's rate only for a percentage pool).</summary>
    public abstract IReadOnlyList<RuleParameter> SweepParameters { get; }

    /// <summary>The rule with a swept parameter set to a value, or null when the rule has no such parameter.</summary>
    /// <param name="parameter">The parameter (one of <see cref="SweepParameters"/>).</param>
    /// <param name="value">The value.</param>
    /// <returns>The new rule, or null.</returns>
    public abstract ContributionRule? WithValue(RuleParameter parameter, SweepValue value);

    /// <summary>Whether the rule's current value of <paramref name="parameter"/> is <paramref name="value"/> (the plan's own scenario).</summary>
    /// <param name="parameter">The parameter.</param>
    /// <param name="value">The value.</param>
    /// <returns>True when the rule has that value.</returns>
    public abstract bool HasValue(RuleParameter parameter, SweepValue value);

    /// <summary>The ids of the funders whose totals this rule reads (a match's target).</summary>
    public virtual IReadOnlyList<string> DependsOn => [];

    /// <summary>Whether a group of this rule has a member with this id.</summary>
    /// <param name="id">An id.</param>
    /// <returns>True for a member of the group.</returns>
    public virtual bool HasMember(string? id) => false;

    /// <summary>What the rule promises whatever is left to fund (a fixed amount, a fixed pool), for the magnitude check; zero for computed contributions.</summary>
    /// <summary>
    /// The rule's total as a spreadsheet formula of its inputs, for a workbook that recomputes when the reader changes an
    /// input; null when no formula gives exactly the engine's figure (a rule working budget year by budget year, a split
    /// by largest remainder that may leave part of its pool unallocated). The bound of what is still to fund is the
    /// workbook's, as it is the waterfall's: the formula is the amount before it.
    /// </summary>
    /// <param name="context">The cells the formula refers to.</param>
    /// <returns>The formula, without its leading <c>=</c>, or null.</returns>
    public virtual string? Formula(IFormulaContext context) => null;

    internal abstract decimal PromisedBound(FundingPeriod period);

    /// <summary>Checks the rule's own fields and its place in the plan, adding every problem with its path.</summary>
    internal abstract void Validate(RuleValidation validation);

    /// <summary>Computes the contribution at this point of the waterfall: figures and a trace, no French.</summary>
    internal abstract void Evaluate(RuleEvaluation evaluation);

    /// <summary>Computes what the funder owes on the actual expenses, under its execution terms.</summary>
    internal abstract void Due(RuleDue due);

    /// <summary>The step of the sweep's compiled path for this rule, or null when the rule needs the engine.</summary>
    internal abstract SweepStep? CompileStep(SweepCompilation compilation);

    /// <summary>Writes the rule's fields for the JSON contract (the <c>type</c> is written by the caller).</summary>
    internal abstract void Write(IRuleWriter writer);

    /// <summary>What a due on actual expenses is, for the execution's sentence: « dus tels que promis »…</summary>
    internal abstract string DueBasis(DueBasisContext context);

    /// <summary>The rule's type and fields, in short invariant text: <c>rate { ratePercent = 50%, cap = 80000 }</c>.</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString()
    {
        var writer = new TextRuleWriter();
        Write(writer);
        return $"{Type} {{ {writer} }}";
    }
}
