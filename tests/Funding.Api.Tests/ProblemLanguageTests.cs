using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>
/// Every problem speaks French by default and English when asked, with a stable code per problem; a body the
/// serializer refuses is described from its structure, every fault at once.
/// </summary>
public class ProblemLanguageTests(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    private static readonly string NegativeCap = Seeds.Mutate(p => p["funders"]![0]!["rule"]!["cap"] = -5);

    private async Task<(HttpResponseMessage Response, JsonObject Problem)> PostAsync(string url, string json, string? acceptLanguage = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        var response = await client.SendAsync(request);
        return (response, await response.ProblemAsync(HttpStatusCode.BadRequest));
    }

    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private static JsonObject FieldError(JsonObject problem, string path) =>
        problem["fieldErrors"]!.AsArray().Single(e => e!["path"]!.GetValue<string>() == path)!.AsObject();

    [Theory]
    [InlineData(null, "Le plafond vaut -5,00 € : un montant négatif n'est pas admis (zéro ou plus).", "fr")]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.8", "Le plafond vaut -5,00 € : un montant négatif n'est pas admis (zéro ou plus).", "fr")]
    [InlineData("de-DE", "Le plafond vaut -5,00 € : un montant négatif n'est pas admis (zéro ou plus).", "fr")]
    [InlineData("en", "The cap, -5.00 €, is negative: it must be zero or positive.", "en")]
    [InlineData("fr;q=0.5, en-GB;q=0.9", "The cap, -5.00 €, is negative: it must be zero or positive.", "en")]
    public async Task ADomainError_SpeaksTheClientsLanguage_WithAStableCode(string? acceptLanguage, string message, string language)
    {
        var (response, problem) = await PostAsync("/v1/plans", NegativeCap, acceptLanguage);

        Spaces(problem.Errors()["funders[0].rule.cap"].Single()).ShouldBe(message);
        var error = FieldError(problem, "funders[0].rule.cap");
        error["code"]!.GetValue<string>().ShouldBe(ErrorCodes.AmountNegative);
        error["message"]!.GetValue<string>().ShouldBe(problem.Errors()["funders[0].rule.cap"][0]);
        problem["code"]!.GetValue<string>().ShouldBe(ErrorCodes.InvalidRequest);
        response.Content.Headers.ContentLanguage.ShouldBe([language]);
        response.Headers.Vary.ShouldContain("Accept-Language");
    }

    [Fact]
    public async Task TheTitleAndDetail_FollowTheLanguageToo()
    {
        var (_, french) = await PostAsync("/v1/plans", NegativeCap);
        var (_, english) = await PostAsync("/v1/plans", NegativeCap, "en");

        french["title"]!.GetValue<string>().ShouldBe("La requête n'est pas valide.");
        english["title"]!.GetValue<string>().ShouldBe("The request is not valid.");
    }

    [Fact]
    public async Task ABodyWithSeveralFaults_IsDescribedFromItsStructure_EveryFaultAtOnce()
    {
        const string body = """
            {"name": "x", "cost": {"type": "annual", "annualAmount": "11 593,50 €", "start": "2022-13-01", "months": 24},
             "funders": [{"id": "a", "name": "A", "kind": "etat", "rule": {"type": "bogus"}}, {"id": "b", "name": "B", "rule": {"ratePercent": 5}}],
             "capp": 1, "name": "y"}
            """;
        var (_, problem) = await PostAsync("/v1/plans", body);

        var codes = problem["fieldErrors"]!.AsArray().ToDictionary(e => e!["path"]!.GetValue<string>(), e => e!["code"]!.GetValue<string>());
        codes.ShouldBe(new Dictionary<string, string>
        {
            ["cost.annualAmount"] = ErrorCodes.ValueWrongType,
            ["cost.start"] = ErrorCodes.DateInvalid,
            ["funders[0].kind"] = ErrorCodes.ValueNotAllowed,
            ["funders[0].rule.type"] = ErrorCodes.ValueNotAllowed,
            ["funders[1].kind"] = ErrorCodes.FieldRequired,
            ["funders[1].rule.type"] = ErrorCodes.FieldRequired,
            ["capp"] = ErrorCodes.FieldUnknown,
            ["name"] = ErrorCodes.FieldDuplicate,
        }, ignoreOrder: true);
        problem.Errors()["cost.annualAmount"][0].ShouldContain("11593.50");
        problem.Errors()["funders[0].kind"][0].ShouldContain("state, region, department, epci");
        problem.Errors()["funders[1].rule.type"][0].ShouldBe($"Le champ « type » manque : il vaut l'un de {string.Join(", ", RuleCatalog.All.Select(t => t.Descriptor.Type))}.");
    }

    [Theory]
    [InlineData("", "$", ErrorCodes.BodyEmpty)]
    [InlineData("{\"name\": ", "name", ErrorCodes.JsonSyntax)]
    [InlineData("{\"funders\": [{\"id\": \"a\"}, {\"id\": }]}", "funders[1].id", ErrorCodes.JsonSyntax)]
    [InlineData("null", "$", ErrorCodes.FieldNull)]
    [InlineData("[1, 2]", "$", ErrorCodes.ValueWrongType)]
    public async Task UnreadableBodies_NameWhereAndWhy(string body, string path, string code)
    {
        var (_, problem) = await PostAsync("/v1/plans", body);

        FieldError(problem, path)["code"]!.GetValue<string>().ShouldBe(code);
    }

    [Fact]
    public async Task TooDeepJson_IsSaidSo()
    {
        string body = "{\"name\": " + new string('[', 40) + new string(']', 40) + "}";
        var (_, problem) = await PostAsync("/v1/plans", body);

        // Named by the field that holds the nesting, not at the root.
        FieldError(problem, "name")["code"]!.GetValue<string>().ShouldBe(ErrorCodes.JsonTooDeep);
    }

    [Fact]
    public async Task ANumberTooPreciseToBeExact_IsNotRounded_ButRefused()
    {
        var (_, problem) = await PostAsync("/v1/caps", """{"base": 1.00000000000000000000000000001, "ratePercent": 50}""");

        FieldError(problem, "base")["code"]!.GetValue<string>().ShouldBe(ErrorCodes.NumberNotRepresentable);
    }

    [Fact]
    public async Task FrameworkProblems_AreLocalizedAndCoded()
    {
        using var client = factory.CreateClient();
        var notFound = await (await client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative))).ProblemAsync(HttpStatusCode.NotFound);
        notFound["code"]!.GetValue<string>().ShouldBe(ErrorCodes.NotFound);
        notFound["title"]!.GetValue<string>().ShouldBe("Introuvable.");

        using var content = new StringContent("x", Encoding.UTF8, "text/plain");
        var unsupported = await (await client.PostAsync(new Uri("/v1/plans", UriKind.Relative), content)).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        unsupported["code"]!.GetValue<string>().ShouldBe(ErrorCodes.UnsupportedMediaType);
        unsupported["title"]!.GetValue<string>().ShouldBe("Le corps de la requête doit être du JSON.");
    }

    [Theory]
    [InlineData("/v1/portfolio", HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized)] // the key's challenge
    [InlineData("/v1/nothing-here", HttpStatusCode.NotFound, ErrorCodes.NotFound)]     // the status code pages
    public async Task AProblem_IsAnsweredAsJson_EvenToAClientThatAcceptsOnlyAnotherType(string url, HttpStatusCode status, string code)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "text/csv");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer fk_unknown");

        // It was an empty 500 for the key's challenge: the problem writer refused a client that accepts no JSON.
        var problem = await (await client.SendAsync(request)).ProblemAsync(status);
        problem["code"]!.GetValue<string>().ShouldBe(code);
    }

    [Fact]
    public async Task AnEndpointsValidationProblem_KeepsItsCodes_ForAClientThatAcceptsOnlyAnotherType()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/caps", UriKind.Relative))
        {
            Content = new StringContent("""{"base": 207600.00, "ratePercent": 150, "cap": 80000.00}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "text/csv");

        // The endpoint's problem result once wrote itself without the API's customization: no code, an internal extension.
        var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["code"]!.GetValue<string>().ShouldBe(ErrorCodes.InvalidRequest);
        problem["fieldErrors"]!.AsArray().ShouldNotBeEmpty();
        body.ShouldNotContain("__funding");
    }

    [Fact]
    public void EveryCode_IsKebabCase_Unique_AndDocumented()
    {
        string docs = File.ReadAllText(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), "docs", "errors.md"));
        ErrorCodes.All.Distinct().Count().ShouldBe(ErrorCodes.All.Count);
        foreach (string code in ErrorCodes.All)
        {
            code.ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
            docs.ShouldContain($"`{code}`", customMessage: $"docs/errors.md must document {code}");
        }
    }
}
