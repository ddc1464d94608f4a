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
    // A path is its parent and its last segment: extending one (the validator does it for every field it checks, valid
    // or not) is one small allocation, never a copy of the segments.
    private readonly FieldPath? _parent;
    private readonly FieldSegment _last;
    private readonly int _length;

    private FieldPath(FieldPath? parent, FieldSegment last)
    {
        _parent = parent;
        _last = last;
        _length = parent is null ? 0 : parent._length + 1;
    }

    /// <summary>The whole input.</summary>
    public static FieldPath Root { get; } = new(null, default);

    /// <summary>The segments, from the root.</summary>
    public IReadOnlyList<FieldSegment> Segments
    {
        get
        {
            var segments = new FieldSegment[_length];
            for (var path = this; path._parent is not null; path = path._parent)
            {
                segments[path._length - 1] = path._last;
            }
            return segments;
        }
    }

    /// <summary>A path of fields from the root: <c>FieldPath.Of("cost", "years")</c>.</summary>
    /// <param name="fields">Field names.</param>
    /// <returns>The path.</returns>
    public static FieldPath Of(params string[] fields)
    {
        Preconditions.CheckNotNull(fields);
        var path = Root;
        foreach (string field in fields)
        {
            path = path.Field(field);
        }
        return path;
    }

    /// <summary>A path of one field from the root: <c>FieldPath.Of("cost")</c>.</summary>
    /// <param name="field">The field's name.</param>
    /// <returns>The path.</returns>
    public static FieldPath Of(string field) => Root.Field(field);

    /// <summary>This path, then a field.</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Field(string name) => new(this, new FieldSegment(Preconditions.CheckNotNull(name), null));

    /// <summary>This path (a list), then one of its items.</summary>
    /// <param name="index">The item's position, from 0.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Item(int index) => new(this, new FieldSegment(null, index));

    /// <summary>This path, then another one.</summary>
    /// <param name="rest">The path to append.</param>
    /// <returns>The longer path.</returns>
    public FieldPath Append(FieldPath rest)
    {
        var path = this;
        foreach (var segment in Preconditions.CheckNotNull(rest).Segments)
        {
            path = new FieldPath(path, segment);
        }
        return path;
    }

    /// <summary>Whether the path begins with the field <paramref name="name"/>.</summary>
    /// <param name="name">A field name.</param>
    /// <returns>True when the first segment is that field.</returns>
    public bool StartsWith(string name)
    {
        if (_length == 0)
        {
            return false;
        }
        var first = this;
        while (first._parent!._parent is not null)
        {
            first = first._parent;
        }
        return first._last.Name == name;
    }

    /// <summary>The path without its last segment (<c>funders[1].id</c> → <c>funders[1]</c>).</summary>
    /// <returns>The parent, or the root.</returns>
    public FieldPath Parent() => _parent ?? this;

    /// <summary>The path without its first segment.</summary>
    /// <returns>The rest, or the root.</returns>
    public FieldPath Rest()
    {
        var path = Root;
        foreach (var segment in Segments.Skip(1))
        {
            path = new FieldPath(path, segment);
        }
        return path;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
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
    public bool Equals(FieldPath? other)
    {
        if (other is null || other._length != _length)
        {
            return false;
        }
        for (FieldPath? a = this, b = other; a is not null && b is not null; a = a._parent, b = b._parent)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }
            if (a._last != b._last)
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in Segments)
        {
            hash.Add(segment);
        }
        return hash.ToHashCode();
    }
}
