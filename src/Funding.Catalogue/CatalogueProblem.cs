namespace Funding.Catalogue;

/// <summary>A problem of a programme file: the file, the JSON path of the field, and what is wrong.</summary>
/// <param name="File">The file, relative to the catalogue: <c>Programmes/petites-villes-de-demain.json</c>.</param>
/// <param name="Path">The JSON path of the field: <c>funders[1].rules[0].source</c>, or <c>$</c>.</param>
/// <param name="Message">What is wrong, in French.</param>
internal sealed record CatalogueProblem(string File, string Path, string Message)
{
    public override string ToString() => $"{File} : {Path} : {Message}";
}
