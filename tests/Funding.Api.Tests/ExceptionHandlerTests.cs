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
        problem.Title.ShouldBe("An unexpected error occurred.");
        JsonSerializer.Serialize(problem).ShouldNotContain("secret");
    }

    [Fact]
    public void AValidationExceptionEscapingAHandler_Is400_WithItsPaths()
    {
        var problem = FundingExceptionHandler.Classify(new FundingValidationException(FieldPath.Of("funders").Item(1).Field("id"), "The id 'a' is used twice."));

        problem.Status.ShouldBe(StatusCodes.Status400BadRequest);
        ((HttpValidationProblemDetails)problem).Errors.Keys.ShouldBe(["funders[1].id"]);
    }

    [Fact]
    public void AMissingDiscriminator_Is400_OnTheTypeField()
    {
        var problem = FundingExceptionHandler.Classify(new NotSupportedException(
            "The JSON payload for polymorphic interface or abstract type 'RuleInput' must specify a type discriminator. Path: $.funders[3].rule | LineNumber: 0 | BytePositionInLine: 23."));

        ((HttpValidationProblemDetails)problem).Errors.Keys.ShouldBe(["funders[3].rule.type"]);
    }
}
