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

/// <summary>One input or intermediate value of a calculation.</summary>
/// <param name="Name">A stable name: <c>base</c>, <c>rate</c>, <c>exact</c>, <c>cap</c>, <c>amount</c>…</param>
/// <param name="Value">The value: euros (possibly more precise than a cent for exact values), a percentage, a count.</param>
/// <param name="Unit">What the value counts.</param>
public sealed record ExplanationTerm(string Name, decimal Value, TermUnit Unit)
{
    /// <summary>An amount in euros.</summary>
    /// <param name="name">The term's name.</param>
    /// <param name="amount">The amount.</param>
    /// <returns>The term.</returns>
    public static ExplanationTerm Euros(string name, Money amount) => new(name, amount.Amount, TermUnit.Euros);

    /// <summary>An exact amount in euros, possibly with more than two decimals.</summary>
    /// <param name="name">The term's name.</param>
    /// <param name="euros">The exact amount.</param>
    /// <returns>The term.</returns>
    public static ExplanationTerm ExactEuros(string name, decimal euros) => new(name, euros, TermUnit.Euros);

    /// <summary>A percentage.</summary>
    /// <param name="name">The term's name.</param>
    /// <param name="rate">The rate.</param>
    /// <returns>The term (value in percent).</returns>
    public static ExplanationTerm Percent(string name, Ratio rate) => new(name, rate.PercentValue, TermUnit.Percent);
}

/// <summary>The unit of an <see cref="ExplanationTerm"/>.</summary>
public enum TermUnit
{
    /// <summary>Euros.</summary>
    Euros,

    /// <summary>A percentage (50 means 50 %).</summary>
    Percent,

    /// <summary>A number of months.</summary>
    Months,

    /// <summary>A number of days.</summary>
    Days,

    /// <summary>A weight in an allocation key (a population…).</summary>
    Weight,

    /// <summary>A plain count.</summary>
    Count,
}
