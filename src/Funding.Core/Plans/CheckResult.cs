namespace Funding.Plans;

/// <summary>A rule the plan must respect, with its outcome, a message and its legal source.</summary>
/// <param name="Id">A stable identifier (<c>no-over-funding</c>).</param>
/// <param name="Outcome">Passed, failed, warning, or not applicable.</param>
/// <param name="Message">What was checked and found, in French, with the figures.</param>
/// <param name="Source">The legal text or rule it comes from.</param>
public sealed record CheckResult(string Id, CheckOutcome Outcome, string Message, string Source)
{
    /// <summary>Whether the check did not fail (passed, warning or not applicable).</summary>
    public bool Passed => Outcome != CheckOutcome.Failed;
}
