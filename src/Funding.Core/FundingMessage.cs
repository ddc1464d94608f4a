using System.Globalization;
using Funding.Formatting;
using NodaTime;

namespace Funding;

/// <summary>
/// A message for people about an input, with a stable code for programs: the code never changes once published
/// (see <see cref="ErrorCodes"/>), the sentences may be improved.
/// </summary>
/// <param name="Code">The stable, machine-readable code, e.g. <c>amount-negative</c>.</param>
/// <param name="French">The sentence in French, with French figures (« 11 593,50 € »).</param>
/// <param name="English">The same sentence in English, with invariant figures (<c>11593.50 €</c>).</param>
public sealed record FundingMessage(string Code, string French, string English)
{
    /// <summary>The sentence in <paramref name="language"/>.</summary>
    /// <param name="language">The language asked for.</param>
    /// <returns>The French or English sentence.</returns>
    public string In(MessageLanguage language) => language == MessageLanguage.English ? English : French;

    /// <summary>The French sentence.</summary>
    /// <returns>The French sentence.</returns>
    public override string ToString() => French;

    internal static string Fr(decimal value) =>
        value.Scale <= 6 ? FrenchFormat.Number(value, value.Scale) : value.ToString(CultureInfo.InvariantCulture).Replace('.', ',');

    internal static string En(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Fr(Money amount) => FrenchFormat.Money(amount);

    internal static string En(Money amount) => amount.ToInvariantString() + " €";

    internal static string Fr(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Fr(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Fr(LocalDate date) => FrenchFormat.Date(date);

    internal static string En(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
