namespace Funding.Plans;

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
