using System.Text.Json.Nodes;
using Funding.Rules;

namespace Funding.Api.OpenApi;

/// <summary>
/// The rules' schemas in the OpenAPI document, built from their descriptors (<see cref="RuleCatalog"/>): the
/// <c>RuleInput</c> union — a <c>oneOf</c> with a discriminator mapping, as the other unions — and one variant per rule
/// type, each an object requiring its literal <c>type</c>. A new rule type appears here, in generated clients and in
/// Swagger UI without a line written for it.
/// </summary>
internal static class RuleSchemas
{
    private const string Ref = "$ref";

    public static void Add(JsonObject schemas)
    {
        var oneOf = new JsonArray();
        var mapping = new JsonObject();
        foreach (var type in RuleCatalog.All)
        {
            var descriptor = type.Descriptor;
            string reference = "#/components/schemas/" + descriptor.SchemaName;
            oneOf.Add(new JsonObject { [Ref] = reference });
            mapping[descriptor.Type] = reference;
            schemas[descriptor.SchemaName] = Variant(descriptor);
        }
        schemas["RuleInput"] = new JsonObject
        {
            ["description"] = "A contribution rule: " + string.Join(", ", RuleCatalog.All.Select(t => $"'{t.Descriptor.Type}' ({t.Descriptor.Label})")) +
                ". GET /v1/rules describes every rule type and its fields, in French.",
            ["oneOf"] = oneOf,
            ["discriminator"] = new JsonObject { ["propertyName"] = "type", ["mapping"] = mapping },
        };
    }

    /// <summary>
    /// A union generated apart from the endpoints (a group's pool, described for the rules) comes with its variants
    /// inline: each is moved to the component its discriminator mapping names, as the endpoints' unions are.
    /// </summary>
    public static void ExtractInlineVariants(JsonObject schemas)
    {
        foreach (var (_, node) in schemas.ToList())
        {
            if (node?["discriminator"]?["mapping"] is not JsonObject mapping || node["anyOf"] is not JsonArray anyOf)
            {
                continue;
            }
            for (int i = 0; i < anyOf.Count; i++)
            {
                if (anyOf[i] is JsonObject inline && inline[Ref] is null
                    && inline["properties"]?["type"]?["enum"]?[0]?.GetValue<string>() is { } literal
                    && mapping[literal]?.GetValue<string>() is { } target)
                {
                    anyOf[i] = new JsonObject { [Ref] = target };
                    schemas[target[(target.LastIndexOf('/') + 1)..]] = inline;
                }
            }
        }
        // Such a schema also comes with its enums inline: each becomes the reference to the component enum it repeats.
        var enums = schemas.Where(s => s.Value?["enum"] is JsonArray && s.Value["properties"] is null)
            .Select(s => (s.Key, Values: Values(s.Value!["enum"]!.AsArray()))).ToArray();
        foreach (var name in new[] { "MemberInput" })
        {
            if (schemas[name]?["properties"] is not JsonObject properties)
            {
                continue;
            }
            foreach (var (property, schema) in properties.ToList())
            {
                if (ComponentEnum(schema, enums) is { } component)
                {
                    properties[property] = component;
                }
            }
        }
        // So do the items of a list of enums (a programme's applicants): the contract's strict enum converter is one the
        // schema exporter cannot see into, and the enum's schema is then written in place.
        foreach (var (_, node) in schemas.ToList())
        {
            if (node?["properties"] is not JsonObject properties)
            {
                continue;
            }
            foreach (var (_, schema) in properties)
            {
                if (schema?["items"] is { } items && ComponentEnum(items, enums) is { } component)
                {
                    schema["items"] = component;
                }
            }
        }
    }

    /// <summary>The reference to the component enum that <paramref name="schema"/> repeats inline, or null.</summary>
    private static JsonObject? ComponentEnum(JsonNode? schema, (string Key, HashSet<string> Values)[] enums) =>
        schema?["enum"] is JsonArray inline && schema[Ref] is null
            && enums.FirstOrDefault(e => e.Values.SetEquals(Values(inline))).Key is { } component
            ? new JsonObject { [Ref] = "#/components/schemas/" + component }
            : null;

    private static HashSet<string> Values(JsonArray values) =>
        values.Where(v => v is not null).Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static JsonObject Variant(RuleDescriptor descriptor)
    {
        var properties = new JsonObject
        {
            ["type"] = new JsonObject { ["enum"] = new JsonArray(descriptor.Type), ["type"] = "string", ["default"] = descriptor.Type },
        };
        var required = new JsonArray("type");
        foreach (var field in descriptor.Fields)
        {
            properties[field.Name] = Property(field);
            if (field.Required)
            {
                required.Add(field.Name);
            }
        }
        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"{descriptor.Label} : {descriptor.Help}",
            ["required"] = required,
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    private static JsonObject Property(RuleField field)
    {
        string unit = field.Kind switch
        {
            RuleFieldKind.Money => " (en euros)",
            RuleFieldKind.Percent or RuleFieldKind.PercentList => " (en pourcentage : 50 pour 50 %)",
            _ => "",
        };
        // A default is said, not declared: openapi-typescript makes a property with a default required in the types it writes.
        string byDefault = field.Default is { } value ? $" Par défaut : {value.Trim('"')}." : "";
        string description = $"{field.Label}{unit} : {field.Help}{byDefault}";
        JsonObject schema = field.Kind switch
        {
            RuleFieldKind.Money => Reference("Money"),
            RuleFieldKind.Percent => Reference("Percent"),
            RuleFieldKind.PercentList => new JsonObject { ["type"] = "array", ["items"] = Reference("Percent") },
            RuleFieldKind.FunderId => new JsonObject { ["type"] = "string" },
            RuleFieldKind.Choice => new JsonObject { ["enum"] = new JsonArray([.. field.Choices.Select(c => (JsonNode)c.Value)]), ["type"] = "string" },
            RuleFieldKind.YearAmounts => new JsonObject { ["type"] = "array", ["items"] = Reference("BudgetYearInput") },
            RuleFieldKind.Pool => Reference("PoolInput"),
            RuleFieldKind.Key => Reference("KeyInput"),
            RuleFieldKind.Members => new JsonObject { ["type"] = "array", ["items"] = Reference("MemberInput") },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown field kind."),
        };
        schema["description"] = description;
        if (field.MaxItems is { } max)
        {
            schema["maxItems"] = max;
        }
        return schema;
    }

    private static JsonObject Reference(string schema) => new() { [Ref] = "#/components/schemas/" + schema };
}
