namespace Funding.Allocation;

/// <summary>Equal parts: every party weighs 1.</summary>
public sealed class EqualPartsKey : AllocationKey
{
    internal EqualPartsKey()
    {
    }

    /// <inheritdoc />
    public override string Label => "parts égales";
}
