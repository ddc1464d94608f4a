namespace Funding.Allocation;

/// <summary>A key proportional to one weight of each party (population, shares, custom weights).</summary>
public sealed class WeightKey : AllocationKey
{
    internal WeightKey(string label, string? weightName)
    {
        Label = label;
        WeightName = weightName;
    }

    /// <inheritdoc />
    public override string Label { get; }

    /// <summary>The named weight read from <see cref="AllocationParty.Weights"/>; null for <see cref="AllocationParty.Weight"/>.</summary>
    public string? WeightName { get; }
}
