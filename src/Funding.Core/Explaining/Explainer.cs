using Funding.Formatting;

namespace Funding.Explaining;

/// <summary>The small phrases every explainer uses, written once.</summary>
internal static class Explainer
{
    /// <summary>« 103 800,00 € » when exact, « 8 695,125 €, arrondi à 8 695,13 € (au plus proche, …) » otherwise.</summary>
    internal static string Rounded(decimal exact, Money rounded, RoundingPolicy policy) =>
        exact == rounded.Amount
            ? FrenchFormat.Money(rounded)
            : $"{FrenchFormat.ExactMoney(exact)}, arrondi à {FrenchFormat.Money(rounded)} ({policy.FrenchDescription})";
}
