namespace Funding.Execution;

/// <summary>A budget year's planned and actual figure.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Planned">In the voted plan.</param>
/// <param name="Actual">On the actual expenses.</param>
public sealed record PlannedAndActual(int Year, Money Planned, Money Actual)
{
    /// <summary>Actual − planned.</summary>
    public Money Difference => Actual - Planned;
}
