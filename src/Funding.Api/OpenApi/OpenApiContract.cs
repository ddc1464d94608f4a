using System.Text.Json.Nodes;

namespace Funding.Api.OpenApi;

/// <summary>
/// The last pass over the generated OpenAPI document, so that generated clients (Kiota for C#, openapi-typescript for
/// TypeScript) can express every request and read every answer. It works on the JSON of the document, in one place,
/// and each step is tested by generating both clients (tests/Funding.Client.Tests).
/// </summary>
/// <remarks>
/// <para>
/// <b>Discriminated unions as <c>oneOf</c> with a mapping</b>, not <c>allOf</c> inheritance. openapi-typescript turns a
/// <c>oneOf</c> whose variants each require a literal <c>type</c> into a TypeScript discriminated union: a rule
/// without <c>type</c> does not compile. With <c>allOf</c> inheritance the property's type would be the base schema,
/// <c>{ type: string }</c>, and every variant's fields would be rejected as excess properties. Kiota reads the same
/// <c>oneOf</c> as a composed type: one property per variant, the discriminator choosing the variant when reading,
/// the variant set writing its own fields. Each variant is a <c>type: object</c> requiring <c>type</c>, whose value is
/// a one-value enum with that value as default (Kiota then sets it in the variant's constructor).
/// </para>
/// <para>
/// Also: readable schema names (<c>AnnualCostInput</c>, not <c>CostInputAnnualCostInput</c>); no <c>oneOf: [null, …]</c>
/// wrappers on optional fields; <c>items</c> on every array; typed <c>weights</c>; money, percentages, weights and exact
/// values as their own schemas (<see cref="Money"/>: <c>multipleOf: 0.01</c>, ±10¹²); problem schemas open to
/// extensions, with <c>traceId</c>; enums and defaults for the query parameters; every operation's 4XX answers;
/// <c>servers</c>, <c>security: []</c>, the licence and tag descriptions.
/// </para>
/// </remarks>
internal static class OpenApiContract
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Health", "Whether the service is up."),
        ("Allocations", "Splitting an amount between parties by a key (population, equal parts, mixed), exactly to the cent."),
        ("Caps", "A rate applied to a base, with a cap and a floor."),
        ("Plans", "Co-financing plans: every funder's total and explanation, payments by budget year, treasury, checks, comparisons and reports."),
        ("Samples", "Built-in plans from real deliberations, ready to post to /v1/plans."),
        ("Rules", "The contribution rule types, each with its French label and fields."),
        ("Programmes", "The catalogue of programmes (« dispositifs »): dated, sourced rules, and plans started from them."),
    ];

    private const string Ref = "$ref";

    /// <summary>The mark an operation whose endpoint requires authorization carries until the document is polished.</summary>
    public const string RequiresKey = "x-funding-requires-key";

    /// <summary>The polished document as JSON text, indented.</summary>
    public static string PolishText(string json, IEnumerable<(string Schema, JsonNode Example)>? examples = null)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        Polish(document);
        if (examples is not null)
        {
            var schemas = document["components"]!["schemas"]!.AsObject();
            foreach (var (schema, example) in examples)
            {
                LearnExamples(schemas, new JsonObject { [Ref] = "#/components/schemas/" + schema }, example, 0);
            }
        }
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public static void Polish(JsonObject document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        RuleSchemas.ExtractInlineVariants(schemas);
        RenameVariants(document, schemas);
        AddValueSchemas(schemas);
        RuleSchemas.Add(schemas);
        ComponentKeys(schemas);
        foreach (var (_, schema) in schemas.ToList())
        {
            Unions(schema!.AsObject());
            FixProperties(schema.AsObject());
        }
        OpenProblems(schemas);
        Operations(document);
        Header(document);
        Security(document);
    }

    /// <summary>Saved plans and workspaces need the workspace's API key: a bearer scheme, required on those operations only.</summary>
    private static void Security(JsonObject document)
    {
        document["components"]!.AsObject()["securitySchemes"] = new JsonObject
        {
            ["apiKey"] = new JsonObject
            {
                ["type"] = "http",
                ["scheme"] = "bearer",
                ["description"] = "The workspace's API key: 'Authorization: Bearer fk_…', given by the workspace's administrator ('dotnet run --project src/Funding.Api -- keys add WORKSPACE NAME' on the server).",
            },
        };
        foreach (var (_, item) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation is JsonObject op && op[RequiresKey] is not null)
                {
                    op.Remove(RequiresKey);
                    op["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() });
                }
            }
        }
    }

    /// <summary>
    /// A mixed key's component is split by equal parts or a weight, never by another mixed key (the domain refuses it): its
    /// schema says so, a union of those two, instead of every key. Generated clients thank it too: Kiota 1.38 loses the
    /// discriminator of a union that references itself once the rules' union has eight variants.
    /// </summary>
    private static void ComponentKeys(JsonObject schemas)
    {
        if (schemas["KeyComponentInput"]?["properties"] is not JsonObject properties || properties["key"] is not JsonObject key)
        {
            return;
        }
        schemas["ComponentKeyInput"] = new JsonObject
        {
            ["description"] = "A mixed key's component: `equal` parts or a `weight` (never another mixed key).",
            ["oneOf"] = new JsonArray(new JsonObject { [Ref] = "#/components/schemas/EqualKeyInput" }, new JsonObject { [Ref] = "#/components/schemas/WeightKeyInput" }),
            ["discriminator"] = new JsonObject
            {
                ["propertyName"] = "type",
                ["mapping"] = new JsonObject { ["equal"] = "#/components/schemas/EqualKeyInput", ["weight"] = "#/components/schemas/WeightKeyInput" },
            },
        };
        key[Ref] = "#/components/schemas/ComponentKeyInput";
    }

    /// <summary>Money, percentages, weights and exact values: all decimals on the wire, each with its own rules.</summary>
    private static void AddValueSchemas(JsonObject schemas)
    {
        schemas["Money"] = new JsonObject
        {
            ["type"] = "number",
            ["format"] = "decimal",
            ["multipleOf"] = 0.01m,
            ["minimum"] = -1_000_000_000_000m,
            ["maximum"] = 1_000_000_000_000m,
            ["example"] = 11593.50m,
            ["description"] = "An amount in euros, in whole cents (at most two decimals), read and written as an exact decimal. " +
                "Responses always write two decimals (80000.00). Every amount in this range has at most 15 significant digits, so it survives " +
                "being read into a JavaScript number and written back; arithmetic on JavaScript numbers, however, is not exact.",
        };
        schemas["Percent"] = new JsonObject
        {
            ["type"] = "number",
            ["format"] = "decimal",
            ["minimum"] = 0m,
            ["example"] = 50m,
            ["description"] = "A percentage: 50 means 50 %. Given by a user: 0 to 100, at most six decimals. Computed (a share of the cost): " +
                "rounded half away from zero to six decimals, and may exceed 100 for an over-funded plan.",
        };
        schemas["Weight"] = new JsonObject
        {
            ["type"] = "number",
            ["format"] = "decimal",
            ["minimum"] = 0m,
            ["maximum"] = 1_000_000_000_000_000m,
            ["example"] = 102574m,
            ["description"] = "A party's weight in a key (a population, a fiscal potential…), 0 to 10^15.",
        };
        schemas["ExactAmount"] = new JsonObject
        {
            ["type"] = "number",
            ["format"] = "decimal",
            ["example"] = 8695.125m,
            ["description"] = "An exact value before rounding, in euros, with up to ten decimals (truncated). It may have more significant digits " +
                "than a JavaScript number (IEEE 754 binary64, 15 to 17 digits) holds exactly: read it with a decimal library (or as text) where every digit matters.",
        };
        schemas["Decimal"] = new JsonObject
        {
            ["type"] = "number",
            ["format"] = "decimal",
            ["description"] = "An exact decimal number whose unit is given beside it (euros, percent, months).",
        };
    }

    /// <summary>Which value schema a decimal property holds, by its name.</summary>
    private static string ValueSchema(string property) => property switch
    {
        _ when property.EndsWith("Percent", StringComparison.Ordinal) || property == "percent" => "Percent",
        "weight" => "Weight",
        "exactAmount" => "ExactAmount",
        "value" => "Decimal",
        _ => "Money",
    };

    /// <summary>CostInputAnnualCostInput → AnnualCostInput: the variant's own name, everywhere it is referenced.</summary>
    private static void RenameVariants(JsonObject document, JsonObject schemas)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, schema) in schemas)
        {
            if (schema?["discriminator"]?["mapping"] is JsonObject mapping)
            {
                foreach (var (_, target) in mapping)
                {
                    string old = target!.GetValue<string>()[(target.GetValue<string>().LastIndexOf('/') + 1)..];
                    if (old.StartsWith(name, StringComparison.Ordinal) && old.Length > name.Length)
                    {
                        renames[old] = old[name.Length..];
                    }
                }
            }
        }
        foreach (var (old, renamed) in renames)
        {
            var schema = schemas[old]!;
            schemas.Remove(old);
            schemas[renamed] = schema;
        }
        RewriteRefs(document, renames);
    }

    private static void RewriteRefs(JsonNode? node, Dictionary<string, string> renames)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    // A $ref, or a discriminator mapping's target.
                    if (value is JsonValue text && text.TryGetValue(out string? target) && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        string name = target["#/components/schemas/".Length..];
                        if (renames.TryGetValue(name, out var renamed))
                        {
                            obj[key] = "#/components/schemas/" + renamed;
                        }
                    }
                    else
                    {
                        RewriteRefs(value, renames);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    RewriteRefs(item, renames);
                }
                break;
        }
    }

    /// <summary>
    /// Gives each property of a schema, the first time a real value reaches it, that value as its example: a string, a
    /// number or a boolean as it is, following objects, arrays (every item) and unions (by the example's type).
    /// </summary>
    private static void LearnExamples(JsonObject schemas, JsonNode? schema, JsonNode? example, int depth)
    {
        if (schema is not JsonObject node || example is null || depth > 24)
        {
            return;
        }
        if (node[Ref]?.GetValue<string>() is { } reference)
        {
            LearnExamples(schemas, schemas[reference[(reference.LastIndexOf('/') + 1)..]], example, depth + 1);
            return;
        }
        if (node["oneOf"] is JsonArray && example is JsonObject chosen && chosen["type"]?.GetValue<string>() is { } type
            && node["discriminator"]?["mapping"]?[type]?.GetValue<string>() is { } target)
        {
            LearnExamples(schemas, schemas[target[(target.LastIndexOf('/') + 1)..]], example, depth + 1);
            return;
        }
        if (example is JsonArray items)
        {
            foreach (var item in items)
            {
                LearnExamples(schemas, node["items"], item, depth + 1);
            }
            return;
        }
        if (example is not JsonObject value || node["properties"] is not JsonObject properties)
        {
            return;
        }
        foreach (var (name, property) in properties)
        {
            if (property is not JsonObject prop || value[name] is not { } field)
            {
                continue;
            }
            if (field is JsonValue && prop["example"] is null)
            {
                prop["example"] = field.DeepClone();
            }
            LearnExamples(schemas, prop, field, depth + 1);
        }
    }

    /// <summary>anyOf + discriminator → oneOf + discriminator; each variant an object requiring its literal type.</summary>
    private static void Unions(JsonObject schema)
    {
        if (schema["discriminator"] is not JsonObject discriminator || schema["anyOf"] is not JsonArray anyOf)
        {
            return;
        }
        schema.Remove("anyOf");
        schema.Remove("type");
        schema.Remove("required");
        schema.Remove("properties");
        schema["oneOf"] = anyOf;
        // Move the discriminator after oneOf, for readers that expect that order.
        schema.Remove("discriminator");
        schema["discriminator"] = discriminator;
    }

    private static void FixProperties(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties && properties["type"] is JsonObject { } typeProperty
            && typeProperty["enum"] is JsonArray { Count: 1 } literal)
        {
            // A variant of a union: an object that requires its discriminator, preset to its one value.
            schema["type"] = "object";
            var required = schema["required"] as JsonArray ?? [];
            if (!required.Any(r => r!.GetValue<string>() == "type"))
            {
                required.Insert(0, "type");
            }
            schema["required"] = required;
            typeProperty["default"] = literal[0]!.DeepClone();
        }
        if (schema["properties"] is not JsonObject props)
        {
            return;
        }
        foreach (var (name, property) in props.ToList())
        {
            if (property is not JsonObject prop)
            {
                continue;
            }
            // oneOf: [{type: null}, X] on an optional field → X: the field is simply left out when absent.
            if (prop["oneOf"] is JsonArray { Count: 2 } oneOf && oneOf.Any(o => o?["type"]?.GetValue<string>() == "null"))
            {
                var target = oneOf.First(o => o?["type"]?.GetValue<string>() != "null")!.AsObject();
                var replacement = new JsonObject();
                foreach (var (key, value) in target)
                {
                    replacement[key] = value?.DeepClone();
                }
                props[name] = replacement;
                prop = replacement;
            }
            if (IsDecimal(prop))
            {
                props[name] = ValueRef(ValueSchema(name), prop["description"]);
            }
            else if (IsType(prop, "array") && prop["items"] is null)
            {
                // A list of decimals comes without items: a sweep's values (rates or amounts) or totals (amounts).
                prop["items"] = ValueRef(name == "values" ? "Decimal" : ValueSchema(name), null);
            }
            else if (IsType(prop, "array") && prop["items"] is JsonObject inner && IsType(inner, "array") && inner["items"] is null)
            {
                inner["items"] = ValueRef("Money", null);
            }
            else if (name == "weights" && IsType(prop, "object"))
            {
                prop["additionalProperties"] = new JsonObject { [Ref] = "#/components/schemas/Weight" };
            }
        }
    }

    private static bool IsDecimal(JsonObject schema) => schema["format"]?.GetValue<string>() == "decimal" && IsType(schema, "number");

    private static bool IsType(JsonObject schema, string type) => schema["type"] switch
    {
        JsonValue value => value.GetValue<string>() == type,
        JsonArray types => types.Any(t => t!.GetValue<string>() == type),
        _ => false,
    };

    private static JsonObject ValueRef(string schema, JsonNode? description)
    {
        var reference = new JsonObject { [Ref] = "#/components/schemas/" + schema };
        if (description is not null)
        {
            reference["description"] = description.DeepClone();
        }
        return reference;
    }

    /// <summary>RFC 9457 problems may carry extensions: every answer of this API carries <c>traceId</c>.</summary>
    private static void OpenProblems(JsonObject schemas)
    {
        foreach (string name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (schemas[name] is not JsonObject problem)
            {
                continue;
            }
            problem.Remove("additionalProperties");
            var properties = problem["properties"]!.AsObject();
            properties["traceId"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The request's trace id, to quote when reporting a problem.",
            };
            properties["code"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The problem's stable code (docs/errors.md): invalid-request, body-too-large, not-found…",
            };
            if (name == "HttpValidationProblemDetails")
            {
                properties["fieldErrors"] = new JsonObject
                {
                    ["type"] = "array",
                    ["description"] = "Each offending field's JSON path, stable code and sentence, in the order found.",
                    ["items"] = new JsonObject { [Ref] = "#/components/schemas/FieldError" },
                };
            }
            problem["required"] = name == "ProblemDetails"
                ? new JsonArray("title", "status", "code", "traceId")
                : new JsonArray("title", "status", "code", "errors", "fieldErrors", "traceId");
            problem["description"] = name == "ProblemDetails"
                ? "An RFC 9457 problem: title, status, detail, a stable code and the request's traceId, in French (English with Accept-Language: en)."
                : "An RFC 9457 validation problem: 'errors' maps the JSON path of each offending field to its messages; 'fieldErrors' gives each one's code. French by default, English with Accept-Language: en.";
        }
        schemas["FieldError"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "One offending field of a request.",
            ["properties"] = new JsonObject
            {
                ["path"] = new JsonObject { ["type"] = "string", ["description"] = "The JSON path of the field, as in 'errors'." },
                ["code"] = new JsonObject { ["type"] = "string", ["description"] = "The stable code of the problem (docs/errors.md)." },
                ["message"] = new JsonObject { ["type"] = "string", ["description"] = "The sentence, in the answer's language." },
            },
            ["required"] = new JsonArray("path", "code", "message"),
        };
    }

    private static void Operations(JsonObject document)
    {
        foreach (var (_, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in pathItem!.AsObject())
            {
                if (operation is not JsonObject op)
                {
                    continue;
                }
                foreach (var parameter in op["parameters"]?.AsArray() ?? [])
                {
                    string name = parameter!["name"]!.GetValue<string>();
                    if (op["operationId"]?.GetValue<string>() == "GetSample" && name == "id")
                    {
                        // Swagger UI's "Try it out" opens with the seed case's id filled in.
                        parameter["example"] = Plans.SamplePlans.TerritoireIndustrieFinistereId;
                    }
                }
                var responses = op["responses"]!.AsObject();
                // Every request can be refused for its line or headers (HttpHygiene), before any endpoint runs.
                responses["414"] ??= ProblemResponse("The request line (method, path and query) is longer than 8 KiB.");
                responses["431"] ??= ProblemResponse("The request headers are larger than 32 KiB in all.");
            }
        }
    }

    private static JsonObject ProblemResponse(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject
        {
            ["application/problem+json"] = new JsonObject
            {
                ["schema"] = new JsonObject { [Ref] = "#/components/schemas/ProblemDetails" },
            },
        },
    };

    private static void Header(JsonObject document)
    {
        var info = document["info"]!.AsObject();
        info["license"] = new JsonObject { ["name"] = "MIT", ["identifier"] = "MIT" };
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = "http://localhost:5080",
            ["description"] = "The API run locally with `dotnet run --project src/Funding.Api`; generated clients take their own base URL.",
        });
        // The computing endpoints are open: no authentication.
        document["security"] = new JsonArray();
        document["tags"] = new JsonArray([.. Tags.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["description"] = t.Description })]);
    }
}
