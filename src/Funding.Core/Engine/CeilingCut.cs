namespace Funding.Engine;

/// <summary>What a shared ceiling took off a funder's contribution.</summary>
/// <param name="CeilingName">The ceiling's name.</param>
/// <param name="PerBudgetYear">Whether the ceiling holds per budget year (the cut is then said year by year).</param>
/// <param name="Years">The budget years.</param>
/// <param name="Before">The funder's amount of each year before the ceiling.</param>
/// <param name="After">After it.</param>
/// <param name="Cut">What was taken off in all.</param>
internal sealed record CeilingCut(string CeilingName, bool PerBudgetYear, int[] Years, Money[] Before, Money[] After, Money Cut);
