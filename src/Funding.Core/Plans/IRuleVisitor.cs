namespace Funding.Plans;

/// <summary>
/// One method per rule type. Every place that treats rules differently — validation, evaluation, the default payment,
/// the JSON contract's mapping — is a visitor: adding a rule type adds a method here, and each of those places stops
/// compiling until it handles the new rule. No <c>default:</c> branch can let a forgotten rule through.
/// </summary>
/// <typeparam name="T">What the visit gives.</typeparam>
internal interface IRuleVisitor<out T>
{
    T Rate(RateRule rule);

    T FixedAnnual(FixedAnnualRule rule);

    T FixedPerYear(FixedPerYearRule rule);

    T FixedTotal(FixedTotalRule rule);

    T KeyShare(KeyShareRule rule);

    T Match(MatchRule rule);

    T Remainder(RemainderRule rule);
}
