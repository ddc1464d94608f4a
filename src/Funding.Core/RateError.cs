namespace Funding;

/// <summary>Why a decimal value is not a valid <see cref="Rate"/>.</summary>
public enum RateError
{
    /// <summary>The value is valid.</summary>
    None,

    /// <summary>The percentage is below 0 or above 100.</summary>
    OutOfRange,

    /// <summary>The percentage has more than <see cref="Rate.MaxPercentDecimals"/> decimal places.</summary>
    TooPrecise,
}
