using Funding.Allocation;

namespace Funding.Plans;

/// <summary>An allocation key with the name a comparison shows it under (« population », « potentiel fiscal »).</summary>
/// <param name="Name">The name, unique in the comparison.</param>
/// <param name="Key">The key.</param>
public sealed record NamedKey(string Name, AllocationKey Key);
