using Funding.Api.Errors;
using Funding.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>Member weights imported from a spreadsheet's table: the page's « Importer des poids » and any other client.</summary>
internal static class WeightImportEndpoints
{
    public static IEndpointRouteBuilder MapWeightImport(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/weights")
            .WithTags("Weights")
            .MapPost("/import", Import)
            .WithName("ImportWeights")
            .WithSummary("Reads members and their weights from a CSV or XLSX table, choosing the columns by their header.")
            .WithDescription(
                "Send the file in base64 with its format. Without 'nameColumn' and 'weightColumn', the answer lists the file's columns. " +
                "With them, it lists the members with their weights, read exactly: French figures (« 213 403 », « 15 064,5 ») and plain ones (15064.5). " +
                "Problems name their row and column, in French (English with Accept-Language: en).")
            .ProducesStandardProblems();
        return app;
    }

    internal static Results<JsonAnswer<WeightImportResponse>, ValidationProblem> Import(WeightImportRequest request)
    {
        var errors = new RequestErrors();
        if (request.Content.Length == 0)
        {
            errors.Add("content", ErrorCodes.Missing, "Le fichier est vide.", "The file is empty.");
            return errors.Problem();
        }
        var format = request.Format == WeightFileFormatInput.Xlsx ? WeightFileFormat.Xlsx : WeightFileFormat.Csv;
        var result = WeightImport.Read(request.Content, format, request.NameColumn, request.WeightColumn);
        foreach (var problem in result.Problems)
        {
            // A column that is not in the file is the request's field; anything else is in the file's content.
            string path = problem.Row == 1 && problem.Column == request.NameColumn ? "nameColumn"
                : problem.Row == 1 && problem.Column == request.WeightColumn ? "weightColumn"
                : "content";
            errors.Add(path, problem.Problem);
        }
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        return JsonAnswer.Of(new WeightImportResponse
        {
            Columns = result.Columns,
            Members = result.Members.Select(m => new ImportedMemberOutput { Row = m.Row, Name = m.Name, Weight = m.Weight }).ToArray(),
        });
    }
}
