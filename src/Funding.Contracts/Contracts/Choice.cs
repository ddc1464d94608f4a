using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Funding.Contracts;

/// <summary>
/// A query parameter that names one value of <typeparamref name="T"/> (<c>format=xlsx</c>, <c>explain=summary</c>): its
/// values are the enum's names in lower case, its default the enum's <see cref="DefaultValueAttribute"/>
/// (<see cref="Choices"/>). Binding never fails: an unknown name is kept as text, and the use case reports it with the
/// body's own problems, on the parameter's name. The OpenAPI document lists the same names, read from the enum.
/// </summary>
/// <typeparam name="T">The enum of the choices.</typeparam>
public readonly struct Choice<T> : IEquatable<Choice<T>>
    where T : struct, Enum
{
    internal Choice(T? value, string text)
    {
        Value = value;
        Text = text;
    }

    /// <summary>The value chosen, or null when <see cref="Text"/> names none.</summary>
    public T? Value { get; }

    /// <summary>The text as given.</summary>
    public string Text { get; }

    /// <summary>Minimal APIs bind the query parameter with this: it always succeeds, an unknown name is reported by the use case.</summary>
    /// <param name="text">The query value.</param>
    /// <param name="provider">Unused: names are not localized.</param>
    /// <param name="choice">The choice, known or not.</param>
    /// <returns>True.</returns>
    [SuppressMessage("Design", "CA1000", Justification = "Minimal APIs look for a static TryParse on the parameter's type.")]
    public static bool TryParse(string? text, IFormatProvider? provider, out Choice<T> choice)
    {
        choice = Choices.Parse<T>(text ?? "");
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(Choice<T> other) => EqualityComparer<T?>.Default.Equals(Value, other.Value) && Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Choice<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Text);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Equality.</summary>
    public static bool operator ==(Choice<T> left, Choice<T> right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Choice<T> left, Choice<T> right) => !left.Equals(right);
}

/// <summary>What the choices of an enum are: their names, default and label, read once from the enum.</summary>
public static class Choices
{
    private static readonly ConcurrentDictionary<Type, ChoiceSet> Sets = new();

    /// <summary>The names a client may give, in the enum's order.</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => Set(typeof(T)).Names;

    /// <summary>The names of an enum type, for the OpenAPI document.</summary>
    public static IReadOnlyList<string> Names(Type enumType) => Set(enumType).Names;

    /// <summary>
    /// The name of the value an endpoint takes when the parameter is absent, for the OpenAPI document: the enum's
    /// <see cref="DefaultValueAttribute"/>, or null for an enum without one — a filter such as <c>applicant</c>, whose
    /// absence means no filter, not the enum's first value.
    /// </summary>
    public static string? DefaultName(Type enumType) => Set(enumType) is { Declared: true } set ? set.DefaultName : null;

    /// <summary>The value when the parameter is absent: the enum's <see cref="DefaultValueAttribute"/>, else its first value.</summary>
    public static T Default<T>()
        where T : struct, Enum => (T)Set(typeof(T)).Default;

    /// <summary>What the parameter is, in both languages, for the message naming an unknown value.</summary>
    public static ChoiceLabelAttribute Label<T>()
        where T : struct, Enum => Set(typeof(T)).Label;

    /// <summary>The choice of <paramref name="value"/>.</summary>
    public static Choice<T> Of<T>(T value)
        where T : struct, Enum => new(value, NameOf(value));

    /// <summary>The choice a text names (case ignored; numbers are not names), or an unknown choice keeping the text.</summary>
    public static Choice<T> Parse<T>(string text)
        where T : struct, Enum
    {
        var set = Set(typeof(T));
        for (int i = 0; i < set.Names.Count; i++)
        {
            if (string.Equals(set.Names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return new((T)set.Values[i], text);
            }
        }
        return new(null, text);
    }

    /// <summary>Whether <paramref name="text"/> names a value of <paramref name="enumType"/> (case ignored).</summary>
    public static bool IsName(Type enumType, string text) => Set(enumType).Names.Contains(text, StringComparer.OrdinalIgnoreCase);

    /// <summary>The message naming an unknown value and listing the names of <paramref name="enumType"/>.</summary>
    public static FundingMessage Unknown(Type enumType, string text)
    {
        var set = Set(enumType);
        string shown = text.Length > 40 ? text[..40] + "…" : text;
        var names = set.Names;
        string french = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " ou " + names[^1];
        string english = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
        return new FundingMessage(ErrorCodes.ValueNotAllowed,
            $"Valeur inconnue « {shown} » pour {set.Label.French} : {french}.",
            $"Unknown value '{shown}' for {set.Label.English}: {english}.");
    }

    /// <summary>The name a value travels as: its enum name in lower case.</summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static ChoiceSet Set(Type type) => Sets.GetOrAdd(type, static t =>
    {
        var values = Enum.GetValues(t).Cast<object>().ToArray();
        var declared = t.GetCustomAttribute<DefaultValueAttribute>()?.Value;
        var initial = declared ?? values[0];
        return new ChoiceSet(
            [.. values.Select(v => v.ToString()!.ToLowerInvariant())],
            values,
            initial,
            initial.ToString()!.ToLowerInvariant(),
            declared is not null,
            t.GetCustomAttribute<ChoiceLabelAttribute>() ?? new ChoiceLabelAttribute("la valeur", "the value"));
    });

    private sealed record ChoiceSet(IReadOnlyList<string> Names, IReadOnlyList<object> Values, object Default, string DefaultName, bool Declared, ChoiceLabelAttribute Label);
}

/// <summary>What a choice parameter is, for the sentence naming an unknown value: « le format du rapport ».</summary>
/// <param name="french">The French noun phrase, with its article.</param>
/// <param name="english">The English noun phrase, with its article.</param>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class ChoiceLabelAttribute(string french, string english) : Attribute
{
    /// <summary>The French noun phrase.</summary>
    public string French { get; } = french;

    /// <summary>The English noun phrase.</summary>
    public string English { get; } = english;
}
