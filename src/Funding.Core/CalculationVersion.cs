namespace Funding;

/// <summary>
/// The version of the calculation rules. Every result carries it, so a figure quoted in a signed deliberation can be
/// reproduced later with the same rules.
/// </summary>
/// <remarks>
/// Bump <see cref="Current"/> whenever a change can alter a figure (rounding, allocation, tie rule, prorata, waterfall),
/// and say what changed in <c>docs/changelog.md</c>. Changes that only add fields or fix messages do not bump it.
/// </remarks>
public static class CalculationVersion
{
    /// <summary>The current version of the calculation rules.</summary>
    public const string Current = "2026.12.1";
}
