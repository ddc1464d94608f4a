namespace Funding.Plans;

/// <summary>A sweep computed whole: every scenario and each funder's range.</summary>
/// <param name="Sweep">The prepared sweep.</param>
/// <param name="Scenarios">Every scenario, in order.</param>
/// <param name="Funders">Each funder's minimum and maximum.</param>
public sealed record SweepResult(PreparedSweep Sweep, IReadOnlyList<SweepScenario> Scenarios, IReadOnlyList<SweepFunder> Funders);
