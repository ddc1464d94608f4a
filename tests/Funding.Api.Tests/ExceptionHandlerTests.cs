using System.Text.Json;
using Funding.Api.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Funding.Api.Tests;

public class ExceptionHandlerTests
{
    [Fact]
    public void AnUnexpectedException_Is500_WithoutItsMessageOrStack()
    {
        var problem = FundingExceptionHandler.Classify(new InvalidOperationException("connection string: secret"));

        problem.Status.ShouldBe(StatusCodes.Status500InternalServerError);
        problem.Title.ShouldBe("Une erreur inattendue s'est produite.");
        JsonSerializer.Serialize(problem).ShouldNotContain("secret");
    }

    [Fact]
    public void AJsonException_IsTheBodysFault_OnlyWhereTheEndpointReadsAJsonBody()
    {
        FundingExceptionHandler.Classify(new JsonException("'x' is an invalid start of a value.")).Status.ShouldBe(StatusCodes.Status400BadRequest);
        // A GET reading a stored answer it cannot parse: the server's data, not the request.
        var problem = FundingExceptionHandler.Classify(new JsonException("'x' is an invalid start of a value."), readsJsonBody: false);
        problem.Status.ShouldBe(StatusCodes.Status500InternalServerError);
        JsonSerializer.Serialize(problem).ShouldNotContain("invalid start");
    }

    [Fact]
    public void AValidationExceptionEscapingAHandler_Is400_WithItsPaths()
    {
        var problem = FundingExceptionHandler.Classify(new FundingValidationException(FieldPath.Of("funders").Item(1).Field("id"), new FundingMessage(ErrorCodes.IdDuplicate, "L'identifiant « a » est déjà pris.", "The id 'a' is used twice.")));

        problem.Status.ShouldBe(StatusCodes.Status400BadRequest);
        ((HttpValidationProblemDetails)problem).Errors.Keys.ShouldBe(["funders[1].id"]);
    }
}
