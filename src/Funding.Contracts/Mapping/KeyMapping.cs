using Funding.Allocation;
using Funding.Contracts;
using Funding.Contracts.Errors;

namespace Funding.Contracts.Mapping;

/// <summary>Allocation keys between the JSON contract and the domain.</summary>
internal static class KeyMapping
{
    public static AllocationKey ToDomain(KeyInput key, string path, RequestErrors errors) => key switch
    {
        EqualKeyInput => AllocationKey.EqualParts,
        WeightKeyInput weight => AllocationKey.ByWeight(string.IsNullOrWhiteSpace(weight.Label) ? weight.WeightName ?? "pondération" : weight.Label, weight.WeightName),
        MixedKeyInput mixed => AllocationKey.Mixed(mixed.Components
            .Select((c, i) => new MixedKeyComponent(errors.Percent(c.Percent, $"{path}.components[{i}].percent"), ToDomain(c.Key, $"{path}.components[{i}].key", errors)))
            .ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown key type."),
    };

    public static KeyInput ToInput(AllocationKey key) => key switch
    {
        EqualPartsKey => new EqualKeyInput(),
        WeightKey weight => new WeightKeyInput { Label = weight.Label, WeightName = weight.WeightName },
        MixedKey mixed => new MixedKeyInput
        {
            Components = mixed.Components.Select(c => new KeyComponentInput { Percent = c.Share.PercentValue.Plain(), Key = ToInput(c.Key) }).ToArray(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown key type."),
    };

    /// <summary>Reports null components of a mixed key (at any depth); says whether there were none.</summary>
    public static bool NoNulls(KeyInput key, string path, RequestErrors errors) => key is not MixedKeyInput mixed
        || (errors.NoNullItems(mixed.Components, $"{path}.components")
            && mixed.Components.Select((c, i) => NoNulls(c.Key, $"{path}.components[{i}].key", errors)).All(ok => ok));

    /// <summary>Whether the key reads each party's single <c>weight</c> (so that a missing one is an error).</summary>
    public static bool UsesSingleWeight(KeyInput key) => key switch
    {
        WeightKeyInput { WeightName: null } => true,
        MixedKeyInput mixed => mixed.Components.Any(c => UsesSingleWeight(c.Key)),
        _ => false,
    };
}
