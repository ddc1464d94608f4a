namespace Funding.Contracts;

/// <summary>
/// Limits the API enforces before computing (the domain's own limits — amounts up to 10¹² €, weights up to 10¹⁵,
/// 2 000 funders per plan, 600 months — apply too). Documented in docs/api.md.
/// </summary>
internal static class ApiLimits
{
    /// <summary>The largest request body: 4 MiB (enough for 100 000 parties).</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The most parties of one allocation request.</summary>
    public const int MaxParties = 100_000;

    /// <summary>The longest id or name, in characters.</summary>
    public const int MaxTextLength = FundingLimits.MaxTextLength;

    /// <summary>The longest request line (method, path and query), in bytes: beyond it, a 414 problem.</summary>
    public const int MaxUrlBytes = 8 * 1024;

    /// <summary>The most bytes of request headers: beyond it, a 431 problem.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>The deepest JSON nesting accepted.</summary>
    public const int MaxJsonDepth = 32;
}
