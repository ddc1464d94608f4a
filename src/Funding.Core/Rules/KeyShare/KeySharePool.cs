namespace Funding.Rules;

/// <summary>What a key-share group shares.</summary>
public abstract record KeySharePool
{
    private protected KeySharePool()
    {
    }
}
