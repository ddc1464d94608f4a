using System.Text.Json;
using System.Text.Json.Nodes;
using Funding.Allocation;
using Funding.Contracts;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Funding.Api.OpenApi;

/// <summary>
/// The OpenAPI document: title and conventions, dates and money described as they travel, and the seed case as the
/// example request of the plan endpoints.
/// </summary>
internal static class FundingOpenApi
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Funding API",
                Version = "v1",
                Description =
                    "Exact co-financing calculations for French public projects: how the cost of a post or project is shared between its funders " +
                    "(the State, intercommunalities by a 'clé de répartition', the carrier's 'reste à charge'), to the cent, with the explanation of every figure.\n\n" +
                    "Conventions: field names are camelCase; money is in euros as JSON numbers with at most two decimals (read as exact decimals, never as binary floating point), " +
                    "between -10^12 and 10^12; rates travel as percents in fields named '...Percent' (50 means 50 %); dates are YYYY-MM-DD. " +
                    "Every response carries 'calculationVersion'. Errors are RFC 9457 problem details (application/problem+json); validation errors list, under 'errors', " +
                    "the JSON path of each offending field. Limits: bodies up to 4 MiB, 100 000 parties per allocation, 2 000 funders per plan, 600 months.",
            };
            document.Servers?.Clear();
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            // A rule's parts that are DTOs (a group's pool and members) are described from them; the rules themselves from
            // their descriptors (RuleSchemas), which reference these.
            foreach (var (name, type) in new[] { ("PoolInput", typeof(PoolInput)), ("MemberInput", typeof(MemberInput)) })
            {
                document.AddComponent(name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            }
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(LocalDate) || type == typeof(LocalDate?))
            {
                schema.Type = JsonSchemaType.String;
                schema.Format = "date";
                schema.Properties?.Clear();
                schema.Required?.Clear();
            }
            else if (type == typeof(decimal) || type == typeof(decimal?))
            {
                schema.Type = type == typeof(decimal) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
                schema.Format = "decimal";
                schema.Pattern = null;
            }
            else if ((Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType && schema.Enum is null or { Count: 0 })
            {
                // The contract reads enums with its own strict converter, which the schema exporter cannot see into:
                // the names it reads and writes are listed here, as the runtime's string enum converter lists them.
                schema.Enum = [.. EnumNames(enumType), .. type == enumType ? Array.Empty<JsonNode>() : [null!]];
            }
            else if (schema.Items is null && type.IsGenericType && type.GetGenericArguments() is [{ IsEnum: true } itemType]
                && typeof(IEnumerable<>).MakeGenericType(itemType).IsAssignableFrom(type))
            {
                // A list of them comes without its items for the same reason; the polish makes them the enum's component.
                schema.Items = new OpenApiSchema { Enum = [.. EnumNames(itemType)] };
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            // A choice parameter (format, csv, explain) lists its enum's names and default, read from the enum itself; a
            // filter (applicant) has none: absent, it filters nothing.
            foreach (var description in context.Description.ParameterDescriptions)
            {
                var type = Nullable.GetUnderlyingType(description.Type) ?? description.Type;
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Choice<>)
                    && operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name) is { } parameter)
                {
                    var enumType = type.GetGenericArguments()[0];
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. Choices.Names(enumType).Select(name => (JsonNode)JsonValue.Create(name))],
                        Default = Choices.DefaultName(enumType) is { } name ? JsonValue.Create(name) : null,
                    };
                }
            }
            // An endpoint that needs the workspace's key says so in its metadata (RequireAuthorization): marked here, given
            // its security requirement when the document is polished.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                operation.Extensions ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiExtension>();
                operation.Extensions[OpenApiContract.RequiresKey] = new Microsoft.OpenApi.JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(true));
            }
            var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName switch
            {
                "EvaluatePlan" or "PlanReport" => Serialize(PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan)),
                "PlanExecution" or "PlanExecutionReport" => Serialize(ExecutionExample),
                "CompareKeys" => Serialize(KeysExample),
                "SweepPlan" => Serialize(SweepExample),
                "ComparePlans" => Serialize(new CompareRequest
                {
                    Baseline = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan),
                    Variant = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan with
                    {
                        Funders = [SamplePlans.TerritoireIndustrieFinistere.Plan.Funders[0] with { Rule = new RateRule(Rate.Percent(50)) { Cap = Money.Euros(100_000m) } }, .. SamplePlans.TerritoireIndustrieFinistere.Plan.Funders.Skip(1)],
                    }),
                }),
                "SplitAmount" => Serialize(new AllocationRequest
                {
                    Amount = 103_800.00m,
                    Key = new WeightKeyInput { Label = "population" },
                    Parties = SamplePlans.FinistereEpcis.Select(e => new PartyInput { Id = e.Id, Name = e.Name, Weight = e.Population }).ToArray(),
                }),
                "ApplyCap" => Serialize(new CapRequest { Base = 207_600.00m, RatePercent = 50, Cap = 80_000.00m }),
                "ImportWeights" => Serialize(WeightsExample),
                "SavePlan" or "AmendSavedPlan" => Serialize(new SavePlanRequest
                {
                    Plan = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan), Comment = "délibération QBO du 17 mars 2022",
                }),
                "SignVersion" => Serialize(SignExample),
                "RecordExecution" => Serialize(RecordExample),
                "ImportWorkspace" => Serialize(ExportExample(PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan))),
                "AddKey" => Serialize(new ApiKeyRequest { Name = "Claire Morvan", Role = "signer" }),
                "SetFunderAlias" => Serialize(new FunderAliasRequest { FunderId = "prefecture-29", SameAs = "etat" }),
                "PutEnvelope" => Serialize(EnvelopeExample),
                "PlanFromProgramme" => Serialize(ProgrammePlanExample),
                "SaveWorkspaceProgramme" => Serialize(SaveProgrammeExample),
                _ => null,
            };
            if (example is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = example;
            }
            // Answers computed by the handlers themselves on the example requests: never written by hand.
            string? endpoint = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            if (endpoint is not null && ResponseExamples.Value.TryGetValue(endpoint, out var answer)
                && operation.Responses?.TryGetValue("200", out var success) == true && success.Content?.TryGetValue("application/json", out var answerMedia) == true)
            {
                answerMedia.Example = answer.DeepClone();
            }
            if (operation.Responses?.TryGetValue("400", out var invalid) == true && invalid.Content?.TryGetValue("application/problem+json", out var problemMedia) == true)
            {
                problemMedia.Example = ValidationExample.DeepClone();
            }
            // One 200 answer, several representations: the text formats (strings) and the files (binary) next to the JSON
            // one, which the endpoint's metadata gives.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName is { } endpointName
                && OtherRepresentations.TryGetValue(endpointName, out var representations)
                && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
            {
                foreach (string textType in representations.Text)
                {
                    content[textType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
                foreach (string fileType in representations.Files)
                {
                    content[fileType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>The endpoints whose 200 answer also comes as text or as a file: the media types besides JSON.</summary>
    private static readonly Dictionary<string, (string[] Text, string[] Files)> OtherRepresentations = new(StringComparer.Ordinal)
    {
        ["PlanReport"] = (["text/markdown", "text/html", "text/csv"], [Documents.PlanWorkbook.ContentType, Documents.DeliberationDocument.ContentType, Documents.DeliberationDocument.ZipContentType]),
        ["PlanExecutionReport"] = (["text/markdown", "text/html", "text/csv"], [Documents.PlanWorkbook.ContentType, Documents.DeliberationDocument.ContentType]),
        ["SweepPlan"] = (["text/csv"], [Documents.SweepWorkbook.ContentType]),
        ["GetPortfolio"] = (["text/csv"], [Documents.PortfolioWorkbook.ContentType]),
    };

    // The examples are the use cases' own answers (no workspace: national programmes only).
    private static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PlanResponse>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem> Evaluated(
        PlanRequest plan, Choice<ExplainLevel>? explain = null) => TypedResults.Ok(Funding.Application.Plans.PlanService.Evaluate(plan, explain).Value!);

    private static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<ExecutionResponse>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem> Executed(
        ExecutionRequest request) => TypedResults.Ok(Funding.Application.Execution.ExecutionService.Evaluate(request).Value!);

    private static Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<CompareResponse>, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem> Compared(
        CompareRequest request) => TypedResults.Ok(Funding.Application.Plans.PlanService.Compare(request).Value!);

    private static readonly Lazy<Dictionary<string, JsonNode>> ResponseExamples = new(() =>
    {
        var seed = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan);
        return new Dictionary<string, JsonNode>(StringComparer.Ordinal)
        {
            ["EvaluatePlan"] = Value<PlanResponse>(Evaluated(seed, Choices.Of(ExplainLevel.Summary)).Result),
            ["ApplyCap"] = Value<CapResponse>(Endpoints.CapEndpoints.Apply(new CapRequest { Base = 207_600.00m, RatePercent = 50, Cap = 80_000.00m }).Result),
            ["ListSamples"] = Value<SampleSummary[]>(Endpoints.SampleEndpoints.List()),
            ["GetHealth"] = Value<HealthResponse>(Endpoints.HealthEndpoints.GetHealth()),
        };
    });

    /// <summary>
    /// Real values, by schema, from which every property of the document takes its example: the built-in samples and
    /// what the handlers answer to them (full explanations, an allocation, a comparison, a JSON report, a problem).
    /// Nothing here is written by hand but the per-budget-year cost, a valid variant of the seed.
    /// </summary>
    /// <summary>
    /// The worked case of docs/execution.md: the seed post vacant 9 of its 24 months (129 750 € spent), QBO's share due au
    /// prorata, the State's 80 000 € and QBO's first two annuities received.
    /// </summary>
    internal static ExecutionRequest ExecutionExample
    {
        get
        {
            var seed = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan);
            return new ExecutionRequest
            {
                Plan = seed with { Funders = [.. seed.Funders.Select(f => f.Id == "qbo" ? f with { Execution = new ExecutionTermsInput { ProRata = true, CapAtGrant = false } } : f)] },
                ActualExpenses =
                [
                    new BudgetYearInput { Year = 2022, Amount = 77_850.00m },
                    new BudgetYearInput { Year = 2023, Amount = 25_950.00m },
                    new BudgetYearInput { Year = 2024, Amount = 25_950.00m },
                ],
                Receipts =
                [
                    new ReceiptInput { FunderId = "etat", Date = new LocalDate(2022, 4, 1), Amount = 80_000.00m, Reference = "titre de recettes n° 2022-041" },
                    new ReceiptInput { FunderId = "qbo", Date = new LocalDate(2022, 4, 1), Amount = 8_695.13m, Reference = "titre de recettes n° 2022-042" },
                    new ReceiptInput { FunderId = "qbo", Date = new LocalDate(2023, 1, 1), Amount = 11_593.50m, Reference = "titre de recettes n° 2023-007" },
                ],
            };
        }
    }

    /// <summary>The example of a workspace's own programme in docs/programmes.md (an illustration, not a real scheme).</summary>
    internal const string LocalProgrammeExampleJson = """
        {
          "id": "ingenierie-region",
          "name": "Ingénierie territoriale — exemple régional",
          "description": "Exemple d'un dispositif régional : la Région finance 30 % du coût annuel d'un poste d'ingénierie, au plus 20 000 € par an, pendant 36 mois au plus.",
          "applicants": ["municipality", "epci"],
          "sources": [{"id": "deliberation", "title": "Délibération de la commission permanente (exemple)", "url": "https://region.example.org/deliberations/2024-07", "read": "2024-07-15"}],
          "validity": [{"from": "2024-01-01", "source": "deliberation"}],
          "maxMonths": [{"from": "2024-01-01", "source": "deliberation", "value": 36}],
          "funders": [
            {"id": "region", "name": "Région", "kind": "region", "payment": {"type": "perBudgetYear"},
             "rules": [{"from": "2024-01-01", "source": "deliberation", "rule": {"type": "rate", "ratePercent": 30, "cap": 20000, "capPer": "budgetYear"}}]}
          ]
        }
        """;

    private static SaveProgrammeRequest SaveProgrammeExample => new()
    {
        Programme = System.Text.Json.JsonDocument.Parse(LocalProgrammeExampleJson).RootElement.Clone(),
        Comment = "délibération de la commission permanente du 15 juillet 2024",
    };

    private static ProgrammeVersionOutput ProgrammeVersionExample => new()
    {
        Id = "ingenierie-region", Version = 1, SavedAt = new DateTimeOffset(2024, 7, 16, 9, 30, 0, TimeSpan.Zero), SavedBy = "Anne Le Goff",
        Comment = SaveProgrammeExample.Comment!, Href = "/v1/programmes/ingenierie-region?version=1",
    };

    private static Funding.Application.Programmes.ProgrammeLookup LocalLookup => Funding.Application.Programmes.WorkspaceProgrammeService.Lookup(
        [new Funding.Storage.StoredProgramme("ingenierie-region", 1, ProgrammeVersionExample.SavedAt, "Anne Le Goff", "", LocalProgrammeExampleJson)]);

    /// <summary>The PVD post of docs/programmes.md: 64 000 €/yr from 2025 for 36 months, three partners at 25 %.</summary>
    internal static ProgrammePlanRequest ProgrammePlanExample => new()
    {
        AnnualCost = 64_000.00m,
        Start = new LocalDate(2025, 1, 1),
        Months = 36,
        Carrier = new ProgrammeCarrierInput { Id = "commune", Name = "Commune de Pont-l'Abbé", Kind = Funding.Plans.FunderKind.Municipality },
        Partners = [new ProgrammePartnerInput { Id = "anct", RatePercent = 25 }, new ProgrammePartnerInput { Id = "banque-des-territoires", RatePercent = 25 }, new ProgrammePartnerInput { Id = "etat", RatePercent = 25 }],
    };

    /// <summary>The seed's State cap from 60 000 € to 100 000 € against two keys for the other EPCIs (docs/plans.md works the caps by hand).</summary>
    internal static SweepRequest SweepExample => new()
    {
        Plan = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan),
        Parameters =
        [
            new SweepParameterInput { Parameter = SweepParameter.Cap, FunderId = "etat", Range = new SweepRangeInput { From = 60_000m, To = 100_000m, Step = 20_000m } },
            new SweepParameterInput
            {
                Parameter = SweepParameter.Key,
                FunderId = "autres-epci",
                Keys = [new NamedKeyInput { Name = "population", Key = new WeightKeyInput { Label = "population" } }, new NamedKeyInput { Name = "parts égales", Key = new EqualKeyInput() }],
            },
        ],
        ByBudgetYear = true,
    };

    /// <summary>The seed's start date over a year, quarter by quarter, against three State rates.</summary>
    internal static SweepRequest SweepDatesExample => new()
    {
        Plan = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan),
        Parameters =
        [
            new SweepParameterInput { Parameter = SweepParameter.StartDate, DateRange = new SweepDateRangeInput { From = new LocalDate(2022, 1, 1), To = new LocalDate(2022, 10, 1), StepMonths = 3 } },
            new SweepParameterInput { Parameter = SweepParameter.Rate, FunderId = "etat", Values = [30m, 40m, 50m] },
        ],
    };

    /// <summary>The seed's annual cost and QBO's annual amount, as lists and a date list.</summary>
    internal static SweepRequest SweepCostExample => new()
    {
        Plan = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan),
        Parameters =
        [
            new SweepParameterInput { Parameter = SweepParameter.Cost, Values = [90_000m, 103_800m, 120_000m] },
            new SweepParameterInput { Parameter = SweepParameter.AnnualAmount, FunderId = "qbo", Values = [10_000m, 11_593.50m] },
        ],
    };

    /// <summary>The answer to a sweep request, computed.</summary>
    internal static SweepResponse SweepAnswer(SweepRequest request)
    {
        var errors = new Funding.Contracts.Errors.RequestErrors();
        var (plan, axes) = SweepMapping.ToDomain(request, errors);
        return SweepMapping.ToResponse(PlanSweep.Run(plan!, axes!, request.ByBudgetYear));
    }

    /// <summary>The seed's other EPCIs by equal parts and by a mixed key (docs/plans.md works both by hand).</summary>
    internal static KeyComparisonRequest KeysExample => new()
    {
        Plan = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan),
        GroupId = "autres-epci",
        Keys =
        [
            new NamedKeyInput { Name = "parts égales", Key = new EqualKeyInput() },
            new NamedKeyInput
            {
                Name = "50 % population + 50 % parts égales",
                Key = new MixedKeyInput { Components = [new KeyComponentInput { Percent = 50, Key = new WeightKeyInput { Label = "population" } }, new KeyComponentInput { Percent = 50, Key = new EqualKeyInput() }] },
            },
        ],
    };

    private static readonly SignRequest SignExample = new() { VotedOn = new LocalDate(2022, 3, 17), Reference = "délibération n° 8" };

    private static readonly SignatureOutput SignatureExample = new()
    {
        VotedOn = new LocalDate(2022, 3, 17), Reference = "délibération n° 8", SignedAt = new DateTimeOffset(2022, 3, 18, 9, 30, 0, TimeSpan.Zero),
        SignedBy = "finances", CalculationVersion = CalculationVersion.Current,
    };

    /// <summary>An audit line: a signature, with who, when and the hash of the signed answer.</summary>
    private static AuditEntryOutput AuditExample => new()
    {
        At = SignatureExample.SignedAt, Actor = "Claire Morvan", KeyId = "k_91d2c4e07a55", Action = "version.signed", PlanId = "3f2a9c41d07b5e68", Version = 1,
        ContentHash = "sha256:41ab0e5f2c9d7a3b6e1f0c8d4a2b9e7f3c5d1a0b8e6f4c2d9a7b5e3f1c0d8a6b",
        Detail = $"Vote du 2022-03-17 : délibération n° 8 (calcul {CalculationVersion.Current}).",
    };

    /// <summary>The seed's State in a portfolio: its voted version committed, paid in 2022 and received (docs/portfolio.md).</summary>
    private static PortfolioResponse PortfolioExample
    {
        get
        {
            static PortfolioYearOutput Year(int? year, decimal contribution, decimal payment, decimal received) => new()
            {
                Year = year,
                Committed = new ContributionPaymentOutput { Contribution = contribution, Payment = payment },
                Planned = new ContributionPaymentOutput { Contribution = contribution, Payment = payment },
                Received = received,
                Due = 0.00m,
                RemainingToPay = payment - received,
                OwedToIt = 0.00m,
            };
            PortfolioYearOutput[] years = [Year(2022, 30_000.00m, 80_000.00m, 80_000.00m), Year(2023, 40_000.00m, 0.00m, 0.00m), Year(2024, 10_000.00m, 0.00m, 0.00m)];
            var state = new PortfolioFunderOutput
            {
                Id = "etat", Name = "État", Years = years, Total = Year(null, 80_000.00m, 80_000.00m, 80_000.00m),
                Plans = [new PortfolioPlanOutput { PlanId = "3f2a9c41d07b5e68", Name = "Chef de projet Territoire d'industrie", Version = 1, Status = "signed", View = "committed", Href = "/v1/saved-plans/3f2a9c41d07b5e68/versions/1" }],
            };
            return new PortfolioResponse { Funders = [state], Years = years, Total = state.Total, Envelopes = [EnvelopeOutputExample] };
        }
    }

    /// <summary>A workspace's list: the seed saved, signed, then amended once.</summary>
    private static SavedPlanListResponse SavedPlanListExample => new()
    {
        Plans =
        [
            new SavedPlanSummaryOutput
            {
                Id = "3f2a9c41d07b5e68", Name = "Chargé(e) de mission Territoire d'industrie Finistère", LatestVersion = 2, Status = "active",
                CreatedAt = SignatureExample.SignedAt.AddDays(-1), UpdatedAt = SignatureExample.SignedAt.AddDays(170), Href = "/v1/saved-plans/3f2a9c41d07b5e68",
            },
        ],
        Page = 1,
        PageSize = 20,
        Total = 1,
    };

    /// <summary>QBO's yearly line for co-financed posts (docs/portfolio.md).</summary>
    private static EnvelopeRequest EnvelopeExample => new()
    {
        Name = "Ligne budgétaire des postes cofinancés",
        Funder = "qbo",
        Years = [new EnvelopeYearInput { Year = 2022, Amount = 10_000.00m }, new EnvelopeYearInput { Year = 2023, Amount = 20_000.00m }, new EnvelopeYearInput { Year = 2024, Amount = 5_000.00m }],
    };

    /// <summary>That envelope with the voted seed committed against it: 8 695,13 / 11 593,50 / 2 898,37 € (docs/plans.md).</summary>
    private static EnvelopeOutput EnvelopeOutputExample => new()
    {
        Id = "qbo-postes", Name = "Ligne budgétaire des postes cofinancés", Funder = "qbo", From = 2022, To = 2024,
        Amount = 35_000.00m, Committed = 23_187.00m, Planned = 23_187.00m, Remaining = 11_813.00m, RemainingIfPlanned = 11_813.00m,
        Years =
        [
            new EnvelopeYearOutput { Year = 2022, Amount = 10_000.00m, Committed = 8_695.13m, Planned = 8_695.13m, Remaining = 1_304.87m },
            new EnvelopeYearOutput { Year = 2023, Amount = 20_000.00m, Committed = 11_593.50m, Planned = 11_593.50m, Remaining = 8_406.50m },
            new EnvelopeYearOutput { Year = 2024, Amount = 5_000.00m, Committed = 2_898.37m, Planned = 2_898.37m, Remaining = 2_101.63m },
        ],
        Plans = [new PortfolioPlanOutput { PlanId = "3f2a9c41d07b5e68", Name = "Chargé(e) de mission Territoire d'industrie Finistère", Version = 1, Status = "signed", View = "committed", Href = "/v1/saved-plans/3f2a9c41d07b5e68/versions/1" }],
    };

    /// <summary>A key as the administrator lists it, revoked.</summary>
    private static ApiKeyOutput KeyExample => new()
    {
        Id = "k_91d2c4e07a55", Name = "Claire Morvan", Role = "signer", CreatedAt = SignatureExample.SignedAt.AddDays(-30), RevokedAt = SignatureExample.SignedAt.AddDays(400),
    };

    /// <summary>
    /// The bytes a signing keeps: the version's whole answer with its signature, as SavedPlanService writes them (an
    /// import refuses an answer it cannot read as one).
    /// </summary>
    private static byte[] SignedAnswerExample(PlanRequest plan) => JsonSerializer.SerializeToUtf8Bytes(new SavedPlanVersionResponse
    {
        PlanId = "3f2a9c41d07b5e68", Number = 1, CreatedAt = SignatureExample.SignedAt.AddDays(-1), Author = "finances",
        Comment = "délibération QBO du 17 mars 2022", Plan = plan, Result = Funding.Application.Plans.PlanService.Evaluate(plan, null).Value!,
        Signature = SignatureExample,
    }, ApiJson.Options);

    /// <summary>A workspace export: one plan, its first version signed with the whole answer it keeps.</summary>
    private static WorkspaceExport ExportExample(PlanRequest plan) => new()
    {
        FormatVersion = 1,
        Plans =
        [
            new ExportedPlan
            {
                Id = "3f2a9c41d07b5e68", Name = plan.Name, Status = "active",
                CreatedAt = SignatureExample.SignedAt.AddDays(-1), UpdatedAt = SignatureExample.SignedAt.AddDays(170),
                Versions =
                [
                    new ExportedVersion
                    {
                        Number = 1, CreatedAt = SignatureExample.SignedAt.AddDays(-1), Author = "finances", Comment = "délibération QBO du 17 mars 2022", Plan = plan,
                        Signature = new ExportedSignature
                        {
                            VotedOn = SignatureExample.VotedOn, Reference = SignatureExample.Reference, SignedAt = SignatureExample.SignedAt,
                            SignedBy = "finances", CalculationVersion = CalculationVersion.Current, Answer = SignedAnswerExample(plan),
                        },
                    },
                ],
                Executions =
                [
                    new ExportedExecution
                    {
                        Number = 1, Version = 1, CreatedAt = SignatureExample.SignedAt.AddDays(1000), Author = "finances", Comment = RecordExample.Comment!, Execution = RecordExample,
                    },
                ],
            },
        ],
        Audit = [AuditExample],
        Programmes =
        [
            new ExportedProgramme
            {
                Id = "ingenierie-region", Version = 1, SavedAt = ProgrammeVersionExample.SavedAt, SavedBy = "Anne Le Goff", Comment = ProgrammeVersionExample.Comment,
                Programme = SaveProgrammeExample.Programme,
            },
        ],
    };

    /// <summary>The worked case's expenses and receipts, recorded on the saved seed's voted version.</summary>
    internal static RecordExecutionRequest RecordExample => new()
    {
        Version = 1,
        Comment = "état récapitulatif au 31 décembre 2024",
        ActualExpenses = ExecutionExample.ActualExpenses,
        Receipts = [.. ExecutionExample.Receipts!, new ReceiptInput { FunderId = "etat", Date = new LocalDate(2025, 3, 1), Amount = -15_125.00m, Reference = "mandat de reversement n° 2025-77" }],
    };

    /// <summary>An extract of INSEE's population table, as a CSV file to import.</summary>
    private static WeightImportRequest WeightsExample => new()
    {
        Format = WeightFileFormatInput.Csv,
        Content = System.Text.Encoding.UTF8.GetBytes("Nom de l'EPCI;Population municipale\nBrest Métropole;213 403\nMorlaix Communauté;65 507\n"),
        NameColumn = "Nom de l'EPCI",
        WeightColumn = "Population municipale",
    };

    /// <summary>An enum's names as the contract reads and writes them (camelCase).</summary>
    private static IEnumerable<JsonNode> EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(name => (JsonNode)JsonValue.Create(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name)));

    internal static IEnumerable<(string Schema, JsonNode Example)> SchemaExamples()
    {
        var seed = PlanMapping.ToRequest(SamplePlans.TerritoireIndustrieFinistere.Plan);
        var mixed = PlanMapping.ToRequest(SamplePlans.MixedKeyExample.Plan);
        var pvdAnah = PlanMapping.ToRequest(SamplePlans.PetitesVillesDeDemainAnah.Plan);
        // QBO's SIREN, 200068120: the EPCI's number in the national register (its Luhn key checks).
        var withSiren = seed with { Funders = [.. seed.Funders.Select(f => f.Id == "qbo" ? f with { Siren = "200068120" } : f)] };
        var perYear = seed with
        {
            Cost = new PerBudgetYearCostInput
            {
                Years = [new BudgetYearInput { Year = 2022, Amount = 77_850.00m }, new BudgetYearInput { Year = 2023, Amount = 103_800.00m }, new BudgetYearInput { Year = 2024, Amount = 25_950.00m }],
                Start = new LocalDate(2022, 4, 1),
            },
        };
        var allocation = new AllocationRequest
        {
            Amount = 103_800.00m,
            Key = new WeightKeyInput { Label = "population" },
            Parties = SamplePlans.FinistereEpcis.Select(e => new PartyInput
            {
                Id = e.Id, Name = e.Name, Weight = e.Population,
                Cap = e.Id == "brest-metropole" ? 30_000.00m : null,
                Floor = e.Id == "haute-cornouaille" ? 3_000.00m : null,
            }).ToArray(),
        };
        var compare = new CompareRequest { Baseline = seed, Variant = mixed };
        // The seed with every optional field of the contract set to a plausible value; evaluated below like the others.
        var group = new KeyShareRule(new ShareOfRemainingPool(Rate.Percent(50)), AllocationKey.ByWeight("population"),
            SamplePlans.FinistereEpcis.Where(e => e.Id != "qbo").Select(e => new KeyShareMember(e.Id, e.Name, Funding.Plans.FunderKind.Epci) { Weight = e.Population }).ToArray());
        var detailed = seed with
        {
            Cost = ((AnnualCostInput)seed.Cost) with { Prorata = ProrataBasis.Days, GrowthPercent = 2.5m },
            Funders =
            [
                seed.Funders[0] with
                {
                    Rule = RuleInput.From(new RateRule(Rate.Percent(50)) { Cap = Money.Euros(80_000m), EligibleBase = Money.Euros(207_600m), Floor = Money.Euros(10_000m) }),
                    Payment = new AdvanceAndBalancePaymentInput { AdvancePercent = 30, AdvanceGuaranteed = false, BalanceDate = new LocalDate(2024, 6, 30) },
                },
                seed.Funders[1] with
                {
                    Rule = RuleInput.From(new FixedAnnualRule(Money.Euros(11_593.50m)) { Cap = Money.Euros(25_000m) }),
                    Payment = new PerBudgetYearPaymentInput { Prorata = ProrataBasis.Months, PayOn = "06-30" },
                },
                new FunderInput
                {
                    Id = "region", Name = "Région Bretagne", Kind = Funding.Plans.FunderKind.Region,
                    Rule = RuleInput.From(new FixedTotalRule(Money.Euros(10_000m)) { Cap = Money.Euros(20_000m) }),
                    Payment = new OncePaymentInput { Date = new LocalDate(2022, 6, 1) },
                },
                new FunderInput
                {
                    Id = "banque-des-territoires", Name = "Banque des Territoires", Kind = Funding.Plans.FunderKind.OtherPublic,
                    Rule = RuleInput.From(new RateRule(Rate.Percent(10)) { Cap = Money.Euros(5_000m), CapScope = CapScope.BudgetYear }),
                    Payment = new PerBudgetYearPaymentInput(),
                },
                new FunderInput
                {
                    Id = "ccpcp", Name = "Communauté de communes du Pays de Châteaulin et du Porzay", Kind = Funding.Plans.FunderKind.Epci,
                    Rule = RuleInput.From(new FixedPerYearRule([new BudgetYearAmount(2022, Money.Euros(8_000m)), new BudgetYearAmount(2023, Money.Euros(11_593.50m))]) { Cap = Money.Euros(25_000m) }),
                },
                new FunderInput
                {
                    Id = "departement", Name = "Département du Finistère", Kind = Funding.Plans.FunderKind.Department,
                    Rule = RuleInput.From(new MatchRule("etat", Rate.Percent(25)) { Cap = Money.Euros(15_000m) }),
                    Payment = new OncePaymentInput { Date = new LocalDate(2022, 7, 1) },
                },
                seed.Funders[2] with
                {
                    Rule = RuleInput.From(group with { Cap = Money.Euros(60_000m), Members = [group.Members[0] with { Floor = Money.Euros(1_000m) }, .. group.Members.Skip(1)] }),
                },
                seed.Funders[3] with { Rule = RuleInput.From(new RemainderRule { Cap = Money.Euros(150_000m) }) },
            ],
            Options = new PlanOptionsInput
            {
                Rounding = "half-to-even",
                CarrierId = "uimm-finistere",
                PublicAidCeilingPercent = 80,
                CheckLocalAuthorityOwnShare = false,
                LocalAuthorityMinimumSharePercent = 20,
                WrittenAgreementThreshold = 23_000.00m,
                DeMinimisAlreadyReceived = 40_000.00m,
            },
        };
        var report = Funding.Application.Plans.PlanService.Report(seed, Choices.Of(ReportFormat.Json), "qbo", null).Value!.Json;
        var weights = WeightsExample;
        return
        [
            ("SweepRequest", Serialize(SweepExample)!),
            ("SweepRequest", Serialize(SweepDatesExample)!),
            ("SweepRequest", Serialize(SweepCostExample)!),
            ("SweepRequest", Serialize(new SweepRequest
            {
                Plan = SweepCostExample.Plan,
                Parameters = [new SweepParameterInput { Parameter = SweepParameter.StartDate, Dates = [new LocalDate(2022, 4, 1), new LocalDate(2023, 1, 1)] }],
            })!),
            ("SweepResponse", Serialize(SweepAnswer(SweepExample))!),
            ("SweepResponse", Serialize(SweepAnswer(SweepCostExample))!),
            ("KeyComparisonRequest", Serialize(KeysExample)!),
            ("KeyComparisonResponse", Value<KeyComparisonResponse>(Endpoints.PlanEndpoints.CompareKeys(KeysExample).Result)),
            ("ExecutionRequest", Serialize(ExecutionExample)!),
            ("ExecutionRequest", Serialize(ExecutionExample with
            {
                ActualExpenses = null,
                MonthlyExpenses = [.. Enumerable.Range(4, 9).Select(m => new MonthExpenseInput { Month = $"2022-{m:00}", Amount = 8_650.00m })],
            })!),
            ("ExecutionResponse", Value<ExecutionResponse>(Executed(ExecutionExample).Result)),
            ("PlanRequest", Serialize(seed)!), ("PlanRequest", Serialize(mixed)!), ("PlanRequest", Serialize(perYear)!), ("PlanRequest", Serialize(detailed)!), ("PlanRequest", Serialize(pvdAnah)!),
            ("PlanResponse", Value<PlanResponse>(Evaluated(detailed).Result)),
            ("PlanResponse", Value<PlanResponse>(Evaluated(pvdAnah).Result)),
            ("PlanResponse", Value<PlanResponse>(Evaluated(seed).Result)),
            ("PlanRequest", Serialize(withSiren)!),
            ("PlanResponse", Value<PlanResponse>(Evaluated(withSiren).Result)),
            ("PlanResponse", Value<PlanResponse>(Evaluated(mixed).Result)),
            ("AllocationRequest", Serialize(allocation)!),
            ("AllocationResponse", Value<AllocationResponse>(Endpoints.AllocationEndpoints.Split(allocation, new DefaultHttpContext()).Result)),
            ("CompareRequest", Serialize(compare)!),
            ("CompareResponse", Value<CompareResponse>(Compared(compare).Result)),
            ("ReportResponse", Serialize(report)!),
            ("CapRequest", Serialize(new CapRequest { Base = 207_600.00m, RatePercent = 50, Cap = 80_000.00m, Floor = 10_000.00m, Rounding = "half-away-from-zero" })!),
            ("CapResponse", Value<CapResponse>(Endpoints.CapEndpoints.Apply(new CapRequest { Base = 207_600.00m, RatePercent = 50, Cap = 80_000.00m }).Result)),
            ("HealthResponse", Value<HealthResponse>(Endpoints.HealthEndpoints.GetHealth())),
            ("ProgrammePlanRequest", Serialize(ProgrammePlanExample)!),
            ("ProgrammePlanRequest", Serialize(ProgrammePlanExample with { Name = "Chef(fe) de projet PVD de Pont-l'Abbé" })!),
            ("PlanRequest", Serialize(Funding.Application.Programmes.ProgrammeService.Plan("petites-villes-de-demain", ProgrammePlanExample).Value!)!),
            ("ProgrammeSummaryOutput", Serialize(Funding.Application.Programmes.ProgrammeService.List("2025-01-01", null).Value![0])!),
            ("ProgrammeSummaryOutput", Serialize(Funding.Application.Programmes.ProgrammeService.List("2025-01-01", null).Value!.First(p => p.Sources.Any(s => s.Note is not null)))!),
            ("ProgrammeOutput", Serialize(Funding.Application.Programmes.ProgrammeService.Show("petites-villes-de-demain", "2025-01-01").Value!)!),
            ("ProgrammeOutput", Serialize(Funding.Application.Programmes.ProgrammeService.Show("territoires-d-industrie", "2022-01-01").Value!)!),
            ("ProgrammeSummaryOutput", Serialize(Funding.Application.Programmes.ProgrammeService.List("2025-01-01", null, LocalLookup).Value!.Single(p => p.Local))!),
            ("ProgrammeOutput", Serialize(Funding.Application.Programmes.ProgrammeService.Show("ingenierie-region", "2025-01-01", null, LocalLookup).Value!)!),
            ("ProgrammeReferenceInput", Serialize(new ProgrammeReferenceInput { Id = "ingenierie-region", RulesOf = new LocalDate(2025, 1, 1), Version = 1 })!),
            ("SaveProgrammeRequest", Serialize(SaveProgrammeExample)!),
            ("ProgrammeVersionOutput", Serialize(ProgrammeVersionExample)!),
            ("SavedProgrammeOutput", Serialize(new SavedProgrammeOutput { Version = ProgrammeVersionExample, Programme = SaveProgrammeExample.Programme })!),
            ("ExportedProgramme", Serialize(ExportExample(seed).Programmes![0])!),
            ("WeightImportRequest", Serialize(weights)!),
            ("SavePlanRequest", Serialize(new SavePlanRequest { Plan = seed, Comment = "avenant n° 1 : démarrage au 1er septembre" })!),
            ("SignRequest", Serialize(SignExample)!),
            ("WorkspaceExport", Serialize(ExportExample(seed))!),
            ("WorkspaceImportResponse", Serialize(new WorkspaceImportResponse { Plans = 1, Versions = 2, Signatures = 1, Executions = 1 })!),
            ("AuditResponse", Serialize(new AuditResponse { Entries = [AuditExample], Truncated = false })!),
            ("AuditEntryOutput", Serialize(AuditExample)!),
            ("FunderAliasRequest", Serialize(new FunderAliasRequest { FunderId = "prefecture-29", SameAs = "etat" })!),
            ("EnvelopeRequest", Serialize(EnvelopeExample)!),
            ("EnvelopeRequest", Serialize(new EnvelopeRequest { Name = "Crédits France 2030 — projets industriels du Finistère", Funder = "etat", Programme = "territoires-d-industrie", Amount = 1_500_000.00m, From = 2024, To = 2027 })!),
            ("EnvelopeYearInput", Serialize(EnvelopeExample.Years![0])!),
            ("EnvelopeOutput", Serialize(EnvelopeOutputExample)!),
            ("EnvelopeOutput", Serialize(new EnvelopeOutput
            {
                Id = "france-2030-finistere", Name = "Crédits France 2030 — projets industriels du Finistère", Funder = "etat", Programme = "territoires-d-industrie",
                From = 2024, To = 2025, Amount = 1_500_000.00m, Committed = 0.00m, Planned = 0.00m, Remaining = 1_500_000.00m, RemainingIfPlanned = 1_500_000.00m,
                Years = [new EnvelopeYearOutput { Year = 2024, Committed = 0.00m, Planned = 0.00m }, new EnvelopeYearOutput { Year = 2025, Committed = 0.00m, Planned = 0.00m }],
                Plans = [],
            })!),
            ("EnvelopeYearOutput", Serialize(EnvelopeOutputExample.Years[0])!),
            ("PortfolioResponse", Serialize(PortfolioExample)!),
            ("PortfolioFunderOutput", Serialize(PortfolioExample.Funders[0])!),
            // QBO, whose SIREN (200068120) makes it one body across plans that name it otherwise.
            ("PortfolioFunderOutput", Serialize(PortfolioExample.Funders[0] with { Id = "qbo", Siren = "200068120", Name = "Quimper Bretagne Occidentale", Plans = null })!),
            ("SavedPlanListResponse", Serialize(SavedPlanListExample)!),
            ("SavedPlanSummaryOutput", Serialize(SavedPlanListExample.Plans[0])!),
            ("VersionSummaryOutput", Serialize(new VersionSummaryOutput { Number = 1, CreatedAt = SignatureExample.SignedAt.AddDays(-1), Author = "finances", Comment = "délibération QBO du 17 mars 2022", Signature = SignatureExample })!),
            ("VersionSummaryOutput", Serialize(new VersionSummaryOutput { Number = 2, CreatedAt = SignatureExample.SignedAt.AddDays(170), Author = "finances", Comment = "avenant n° 1 : démarrage au 1er septembre" })!),
            ("PortfolioYearOutput", Serialize(PortfolioExample.Funders[0].Years[0])!),
            ("PortfolioPlanOutput", Serialize(PortfolioExample.Funders[0].Plans![0])!),
            ("ContributionPaymentOutput", Serialize(PortfolioExample.Funders[0].Years[0].Committed)!),
            ("ApiKeyRequest", Serialize(new ApiKeyRequest { Name = "Claire Morvan", Role = "signer" })!),
            ("ApiKeyOutput", Serialize(KeyExample)!),
            ("ApiKeyCreatedResponse", Serialize(new ApiKeyCreatedResponse { Key = "fk_fjHNLSQ6fPfia96XgDMPYqiWV-VEiy_z-ixESzU6WC0", Info = KeyExample })!),
            ("RecordExecutionRequest", Serialize(RecordExample)!),
            ("ExecutionEntryResponse", Serialize(new ExecutionEntryResponse
            {
                PlanId = "3f2a9c41d07b5e68", Number = 1, Version = 1, CreatedAt = SignatureExample.SignedAt.AddDays(1000), Author = "finances",
                Comment = RecordExample.Comment!, Execution = RecordExample,
                Result = Value<ExecutionResponse>(Executed(ExecutionExample with { Receipts = RecordExample.Receipts }).Result).Deserialize<ExecutionResponse>(ExampleOptions)!,
            })!),
            ("SignatureOutput", Serialize(SignatureExample)!),
            ("SavedPlanVersionResponse", Serialize(new SavedPlanVersionResponse
            {
                PlanId = "3f2a9c41d07b5e68", Number = 2, CreatedAt = SignatureExample.SignedAt.AddDays(-3), Author = "finances",
                Comment = "avenant n° 1 : démarrage au 1er septembre", Plan = seed,
                Result = Value<PlanResponse>(Evaluated(seed).Result).Deserialize<PlanResponse>(ExampleOptions)!,
                Signature = SignatureExample,
            })!),
            ("RecomputeResponse", Serialize(new RecomputeResponse
            {
                Number = 2, SignedCalculationVersion = "2026.11.1", CurrentCalculationVersion = CalculationVersion.Current, Identical = false,
                Funders = [new RecomputedFunderOutput { Id = "qbo", Name = "Quimper Bretagne Occidentale", SignedTotal = 23_187.00m, CurrentTotal = 23_187.00m, Difference = 0m }],
                Sentence = $"Avec les règles {CalculationVersion.Current}, les montants votés (règles 2026.11.1) sont inchangés ; seuls des textes ou des champs ajoutés diffèrent.",
            })!),
            ("WeightImportResponse", Value<WeightImportResponse>(Endpoints.WeightImportEndpoints.Import(weights).Result)),
            ("SampleSummary", Value<SampleSummary[]>(Endpoints.SampleEndpoints.List())[0]!),
            ("RuleCatalogResponse", Value<RuleCatalogResponse>(Endpoints.RuleEndpoints.List())),
            // Each rule's own example, from its descriptor: a new rule type brings its example with it.
            .. RuleCatalog.All.Where(t => t.Descriptor.Example is not null)
                .Select(t => (t.Descriptor.SchemaName, JsonNode.Parse(RuleInput.From(t.Descriptor.Example!).Json.GetRawText())!)),
            // A list field: a rate for each year of the post, at most one per year of the longest period.
            ("RuleFieldOutput", JsonNode.Parse("""{"name": "ratePercentByYear", "kind": "percentList", "label": "Taux par année du poste", "help": "Le taux de chaque année du poste.", "required": true, "unit": "%", "minimum": 0, "maximum": 100, "maxItems": 50}""")!),
            // A rate given per year of the post varies year by year: the sweep names the year (a degressive rate's second year).
            ("SweepParameterInput", JsonNode.Parse("""{"parameter": "rate", "funderId": "region", "year": 2, "values": [50, 60, 70]}""")!),
            ("SweepParameterOutput", JsonNode.Parse("""{"parameter": "rate", "funderId": "region", "year": 2, "name": "taux de l'année 2 de la Région", "labels": ["50 %", "60 %", "70 %"]}""")!),
            ("HttpValidationProblemDetails", ValidationExample),
            ("ProblemDetails", ProblemExample),
        ];
    }

    private static readonly JsonNode ProblemExample = JsonNode.Parse("""
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.14",
          "title": "Le corps de la requête est trop gros.",
          "status": 413,
          "detail": "La limite est de 4 Mio (4194304 octets).",
          "code": "body-too-large",
          "traceId": "0HNQB33DSB9F6:00000002"
        }
        """)!;

    /// <summary>A validation problem as the API writes it (the trace id varies).</summary>
    private static readonly JsonNode ValidationExample = JsonNode.Parse("""
        {
          "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
          "title": "La requête n'est pas valide.",
          "status": 400,
          "detail": "Voir « errors » : chaque clé est le chemin JSON d'un champ en cause ; « fieldErrors » donne aussi le code de chaque problème.",
          "errors": { "funders[0].rule.ratePercent": ["150 % n'est pas un taux valide : un taux est compris entre 0 % et 100 %."] },
          "code": "invalid-request",
          "traceId": "0HNQB33DSB9F6:00000001",
          "fieldErrors": [{ "path": "funders[0].rule.ratePercent", "code": "rate-out-of-range", "message": "150 % n'est pas un taux valide : un taux est compris entre 0 % et 100 %." }]
        }
        """)!;

    private static readonly JsonSerializerOptions ExampleOptions = CreateExampleOptions();

    private static JsonSerializerOptions CreateExampleOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    /// <summary>The value of a handler's 200 answer, as the API writes it.</summary>
    private static JsonNode Value<T>(IResult result) => Serialize(((IValueHttpResult<T>)result).Value)!;

    private static JsonNode? Serialize<T>(T value) => JsonSerializer.SerializeToNode(value, ExampleOptions);
}
