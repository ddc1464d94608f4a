namespace Funding.Schedules;

/// <summary>The schedules of a plan: per funder, per budget year, and the carrier's treasury.</summary>
/// <param name="Funders">Each funder's payments, in plan order.</param>
/// <param name="Table">The funders × budget years table.</param>
/// <param name="Treasury">The carrier's monthly treasury projection.</param>
public sealed record ScheduleResult(IReadOnlyList<FunderSchedule> Funders, BudgetYearTable Table, TreasuryProjection Treasury);
