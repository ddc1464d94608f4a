namespace Funding;

/// <summary>One step of a <see cref="FieldPath"/>: a field by name, or an item of a list by position.</summary>
/// <param name="Name">The field's name, or null for a list item.</param>
/// <param name="Index">The item's position, or null for a field.</param>
public readonly record struct FieldSegment(string? Name, int? Index);
