namespace Funding.Plans;

/// <summary>One scenario of a sweep: the values taken and every funder's figures.</summary>
/// <param name="Index">The scenario's number, from 0, the last parameter varying fastest.</param>
/// <param name="Values">The index of each parameter's value.</param>
/// <param name="TotalCost">The scenario's total cost.</param>
/// <param name="Totals">Each funder's total, in the order of <see cref="PreparedSweep.Funders"/>.</param>
/// <param name="ByBudgetYear">Each funder's contribution to each year of <see cref="PreparedSweep.Years"/>, when asked; null otherwise.</param>
/// <param name="Unfunded">What no funder pays.</param>
/// <param name="OverFunding">What the funders pay beyond the cost.</param>
public sealed record SweepScenario(int Index, int[] Values, Money TotalCost, Money[] Totals, Money[][]? ByBudgetYear, Money Unfunded, Money OverFunding);
