namespace Funding;

/// <summary>Why a decimal value is not a valid <see cref="Money"/>.</summary>
public enum MoneyError
{
    /// <summary>The value is valid.</summary>
    None,

    /// <summary>The value has a fraction of a cent (more than two significant decimal places).</summary>
    SubCent,

    /// <summary>The value is beyond 10¹² € in magnitude.</summary>
    OutOfRange,
}
