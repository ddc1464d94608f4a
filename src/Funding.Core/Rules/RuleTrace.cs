namespace Funding.Rules;

/// <summary>
/// What a rule's arithmetic recorded of a contribution: its inputs, intermediate values and the limits that bit. The
/// engine keeps it beside the figures; an explainer turns it into a French sentence and the explanation's terms only
/// when an explanation is asked for (the lean path never does).
/// </summary>
internal abstract class RuleTrace
{
    /// <summary>The explanation: its main clause, without the final period (a shared ceiling may add to it), and its terms.</summary>
    /// <param name="context">The funder's name, the cost and the rounding policy.</param>
    /// <returns>The clause and the terms.</returns>
    internal abstract ExplainedClause Explain(ExplainContext context);
}
