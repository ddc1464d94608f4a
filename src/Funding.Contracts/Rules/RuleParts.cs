namespace Funding.Contracts.Rules;

/// <summary>
/// The parts of a rule's JSON object that are contracts (a pool, a key, members, amounts by year), as the check of the
/// rule's shape read them: the rule's mapping takes them from here instead of reading them again.
/// </summary>
internal sealed class RuleParts
{
    private readonly List<(string Field, object? Value)> _parts = new(2);

    public void Add(string field, object? value) => _parts.Add((field, value));

    /// <summary>The part read for <paramref name="field"/>, if it was read.</summary>
    public bool TryGet<T>(string field, out T? value)
    {
        foreach (var (name, part) in _parts)
        {
            if (name == field)
            {
                value = (T?)part;
                return true;
            }
        }
        value = default;
        return false;
    }
}
