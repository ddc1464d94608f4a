using Funding.Formatting;
using NodaTime;

namespace Funding.Plans;

/// <summary>A legal threshold as it stands during a period, with its source.</summary>
/// <typeparam name="T">The kind of value: an amount, a rate.</typeparam>
/// <param name="Value">The threshold.</param>
/// <param name="From">The first day it applies.</param>
/// <param name="Until">The last day it applies; null while it still does.</param>
/// <param name="Source">The text that sets it, as a check cites it.</param>
public sealed record DatedValue<T>(T Value, LocalDate From, LocalDate? Until, string Source)
{
    /// <summary>Whether the value applies on <paramref name="date"/>.</summary>
    /// <param name="date">A day.</param>
    /// <returns>True between <see cref="From"/> and <see cref="Until"/>, both included.</returns>
    public bool AppliesOn(LocalDate date) => date >= From && (Until is not { } until || date <= until);

    /// <summary>The source and the day the value was taken for: « …, valeur en vigueur au 1er avril 2022 ».</summary>
    /// <param name="date">The day (the plan's start).</param>
    /// <returns>The text a check cites.</returns>
    public string CitedOn(LocalDate date) => $"{Source}, valeur en vigueur au {FrenchFormat.Date(date)}";
}
