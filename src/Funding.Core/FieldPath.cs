using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Funding;

/// <summary>
/// Where a validation problem is, in the domain's terms: the fields of the model (<c>funders</c>, <c>rule</c>,
/// <c>advance</c>…) and the positions in its lists, built structurally rather than as text.
/// </summary>
/// <remarks>
/// Field names are the domain's property names in camelCase (<see cref="Schedules.AdvanceAndBalancePayment.Advance"/> is
/// <c>advance</c>). A caller with another vocabulary — the HTTP API calls that field <c>advancePercent</c> — maps the
/// segments, never the text. <see cref="ToString"/> writes the path as <c>funders[1].payment.advance</c>.
/// </remarks>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly ImmutableArray<FieldSegment> _segments;

    private FieldPath(ImmutableArray<FieldSegment> segments) => _segments = segments;

    /// <summary>The whole input.</summary>
    public static FieldPath Root { get; } = new([]);

    /// <summary>The segments, from the root.</summary>
    public IReadOnlyList<FieldSegment> Segments => _segments;

    /// <summary>A path of fields from the root: <c>FieldPath.Of("cost", "years")</c>.</summary>
    /// <param name="fields">Field names.</param>
    /// <returns>The path.</returns>
    public static FieldPath Of(params string[] fields) =>
        new([.. Preconditions.CheckNotNull(fields).Select(f => new FieldSegment(Preconditions.CheckNotNull(f), null))]);

    /// <summary>This path, then a field.</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Field(string name) => new(_segments.Add(new FieldSegment(Preconditions.CheckNotNull(name), null)));

    /// <summary>This path (a list), then one of its items.</summary>
    /// <param name="index">The item's position, from 0.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Item(int index) => new(_segments.Add(new FieldSegment(null, index)));

    /// <summary>This path, then another one.</summary>
    /// <param name="rest">The path to append.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Append(FieldPath rest) => new(_segments.AddRange(Preconditions.CheckNotNull(rest)._segments));

    /// <summary>Whether the path begins with the field <paramref name="name"/>.</summary>
    /// <param name="name">A field name.</param>
    /// <returns>True when the first segment is that field.</returns>
    public bool StartsWith(string name) => _segments.Length > 0 && _segments[0].Name == name;

    /// <summary>The path without its last segment (<c>funders[1].id</c> → <c>funders[1]</c>).</summary>
    /// <returns>The parent, or the root.</returns>
    public FieldPath Parent() => _segments.Length == 0 ? this : new(_segments.RemoveAt(_segments.Length - 1));

    /// <summary>The path without its first segment.</summary>
    /// <returns>The rest, or the root.</returns>
    public FieldPath Rest() => _segments.Length == 0 ? this : new(_segments.RemoveAt(0));

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (segment.Index is { } index)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                text.Append(text.Length == 0 ? "" : ".").Append(segment.Name);
            }
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(FieldPath? other) => other is not null && _segments.SequenceEqual(other._segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment);
        }
        return hash.ToHashCode();
    }
}

/// <summary>One step of a <see cref="FieldPath"/>: a field by name, or an item of a list by position.</summary>
/// <param name="Name">The field's name, or null for a list item.</param>
/// <param name="Index">The item's position, or null for a field.</param>
public readonly record struct FieldSegment(string? Name, int? Index);
