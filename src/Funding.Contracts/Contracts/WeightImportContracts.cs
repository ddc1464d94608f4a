namespace Funding.Contracts;

/// <summary>The file formats member weights are imported from.</summary>
public enum WeightFileFormatInput
{
    /// <summary>CSV: ';', ',' or tab separated (guessed from the header row), UTF-8.</summary>
    Csv,

    /// <summary>XLSX: the first sheet.</summary>
    Xlsx,
}

/// <summary>
/// A table of member weights to import (INSEE's population table, a fiscal potential export): the file, and the
/// headers of the names and weights columns. Without the columns, the answer lists the file's columns to choose from.
/// </summary>
public sealed record WeightImportRequest
{
    /// <summary>csv or xlsx.</summary>
    public required WeightFileFormatInput Format { get; init; }

    /// <summary>The file's bytes, in base64 (at most about 3 MB once decoded).</summary>
    public required byte[] Content { get; init; }

    /// <summary>The header of the column holding the members' names, e.g. « Nom de l'EPCI ».</summary>
    public string? NameColumn { get; init; }

    /// <summary>The header of the column holding the weights, e.g. « Population municipale ».</summary>
    public string? WeightColumn { get; init; }
}

/// <summary>One member read from the file.</summary>
public sealed record ImportedMemberOutput
{
    /// <summary>The row in the file (1 is the header row).</summary>
    public required int Row { get; init; }

    /// <summary>The member's name.</summary>
    public required string Name { get; init; }

    /// <summary>The weight, exactly as written in the file.</summary>
    public required decimal Weight { get; init; }
}

/// <summary>The file's columns and, when the columns were chosen, the members with their weights.</summary>
public sealed record WeightImportResponse
{
    /// <summary>The header row's columns, in order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The members, in file order (empty when no columns were chosen).</summary>
    public required IReadOnlyList<ImportedMemberOutput> Members { get; init; }
}
