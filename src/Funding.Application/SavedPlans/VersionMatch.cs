namespace Funding.Application.SavedPlans;

/// <summary>Which version an amendment says it amends (the If-Match header): none said, any (<c>*</c>), or one number.</summary>
/// <param name="Given">Whether the caller said which version it amends.</param>
/// <param name="Number">The version amended; null with <paramref name="Given"/> for any.</param>
internal sealed record VersionMatch(bool Given, int? Number)
{
    /// <summary>The caller did not say which version it amends.</summary>
    public static VersionMatch Missing { get; } = new(false, null);

    /// <summary>The caller amends whatever version is the latest.</summary>
    public static VersionMatch Any { get; } = new(true, null);

    /// <summary>The caller amends version <paramref name="number"/>.</summary>
    public static VersionMatch Exactly(int number) => new(true, number);
}
