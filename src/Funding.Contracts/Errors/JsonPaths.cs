using System.Globalization;
using System.Text;

namespace Funding.Contracts.Errors;

/// <summary>
/// The JSON path of a domain field: the one place where the contract's names meet the domain's. Most fields have the
/// same name in both; the exceptions are listed here, keyed by the field and the field that holds it.
/// </summary>
internal static class JsonPaths
{
    /// <summary>Domain fields that the JSON contract names differently: (holding field, domain name) → JSON name.</summary>
    private static readonly Dictionary<(string? Parent, string Field), string> Renamed = new()
    {
        // AdvanceAndBalancePayment.Advance is a Rate; the contract carries percents in '...Percent' fields.
        [("payment", "advance")] = "advancePercent",
    };

    /// <summary>The JSON path of <paramref name="field"/>, under <paramref name="prefix"/> (e.g. <c>baseline</c>).</summary>
    public static string From(FieldPath field, string prefix = "")
    {
        var text = new StringBuilder(prefix);
        string? parent = null;
        foreach (var segment in field.Segments)
        {
            if (segment.Index is { } index)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                continue;
            }
            string name = segment.Name!;
            // A weight's name is data (a key of the 'weights' object), never renamed.
            string json = parent == "weights" ? name : Renamed.GetValueOrDefault((parent, name), name);
            text.Append(text.Length == 0 ? "" : ".").Append(json);
            parent = name;
        }
        return text.ToString();
    }
}
