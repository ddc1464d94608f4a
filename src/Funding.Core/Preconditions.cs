using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Funding;

/// <summary>
/// The one place where public entry points check their arguments, so that every message names the parameter and
/// the allowed range (after NodaTime's <c>Preconditions</c>).
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
        return argument;
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckArgumentRange(string paramName, decimal value, decimal minInclusive, decimal maxInclusive, string unit = "")
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"Value {value}{unit} is out of range: it must be between {minInclusive}{unit} and {maxInclusive}{unit}.");
        }
    }

    internal static void CheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                value,
                $"Value {value} is out of range: it must be between {minInclusive} and {maxInclusive}.");
        }
    }
}
