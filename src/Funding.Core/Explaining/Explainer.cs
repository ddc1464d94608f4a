using Funding.Formatting;

namespace Funding.Explaining;

/// <summary>The small phrases every explainer uses, written once.</summary>
internal static class Explainer
{
    /// <summary>
    /// « 103 800,00 € » when exact, « 8 695,125 €, arrondi à 8 695,13 € » otherwise: the rule itself is said once for the
    /// plan (<see cref="RoundingPolicy.Sentence"/>), not in every sentence.
    /// </summary>
    internal static string Rounded(decimal exact, Money rounded, RoundingPolicy policy)
    {
        _ = policy;
        return exact == rounded.Amount ? FrenchFormat.Money(rounded) : $"{FrenchFormat.ExactMoney(exact)}, arrondi à {FrenchFormat.Money(rounded)}";
    }
}
