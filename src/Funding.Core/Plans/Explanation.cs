namespace Funding.Plans;

/// <summary>
/// How a figure was obtained: the rule, its inputs and intermediate values as data, and a French sentence a report
/// writer can paste.
/// </summary>
/// <param name="Rule">The rule that produced the figure (<c>rate</c>, <c>fixedAnnual</c>, <c>cost</c>…).</param>
/// <param name="Sentence">
/// The explanation in French: « L'État finance 50 % du coût total de 207 600,00 €, soit 103 800,00 €, plafonné à
/// 80 000,00 € (taux effectif 38,54 %). »
/// </param>
/// <param name="Terms">The inputs and intermediate values, in the order the sentence uses them.</param>
public sealed record Explanation(string Rule, string Sentence, IReadOnlyList<ExplanationTerm> Terms)
{
    /// <summary>
    /// The explanation of a figure computed without explanations (<see cref="PlanEvaluator.Figures"/>, or
    /// <see cref="PlanEvaluator.Evaluate(Plan, bool)"/> with <c>explain: false</c>): the rule only, an empty sentence and no terms.
    /// </summary>
    /// <param name="rule">The rule that produced the figure.</param>
    /// <returns>The empty explanation.</returns>
    public static Explanation Omitted(string rule)
    {
        // One shared instance per rule type (explanations are immutable): the lean path asks for one per funder.
        foreach (var omitted in OmittedByRule)
        {
            if (string.Equals(omitted.Rule, rule, StringComparison.Ordinal))
            {
                return omitted;
            }
        }
        return new(rule, "", []);
    }

    private static readonly Explanation[] OmittedByRule =
        [.. Rules.RuleCatalog.All.Select(t => t.Descriptor.Type).Concat(["cost", "sharedCeiling"]).Select(r => new Explanation(r, "", []))];

    /// <summary>Whether this explanation was left out (<see cref="Omitted"/>).</summary>
    public bool IsOmitted => Sentence.Length == 0;
}
