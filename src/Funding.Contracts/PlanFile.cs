using System.Text.Encodings.Web;
using System.Text.Json;
using Funding.Contracts.Errors;
using Funding.Contracts.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;

namespace Funding.Contracts;

/// <summary>One problem of a plan file: the JSON path of the offending field and what is wrong with it.</summary>
/// <param name="Path">The JSON path, as the API names it: <c>funders[2].rule.ratePercent</c>, or <c>$</c> for the whole file.</param>
/// <param name="Problem">The stable code and the sentence in French and English.</param>
public sealed record PlanFileError(string Path, FundingMessage Problem);

/// <summary>What reading a plan file gave: the plan, or every problem found.</summary>
/// <param name="Plan">The plan, when the file is valid.</param>
/// <param name="Errors">The problems, in the order found; empty when <paramref name="Plan"/> is set.</param>
public sealed record PlanFileResult(Plan? Plan, IReadOnlyList<PlanFileError> Errors)
{
    /// <summary>The file as read, when it could be (a programme it names is attached by the application).</summary>
    public PlanRequest? Request { get; init; }
}

/// <summary>
/// The plan JSON format — what <c>POST /v1/plans</c> takes, what the simulator page exports and imports — read and
/// written outside the web host: a plan file written by the page is read by the command line, and the reverse.
/// </summary>
/// <remarks>
/// Reading is as strict as the API: unknown fields, duplicate keys, strings for numbers, fractions of a cent are
/// refused, each problem with its JSON path, its stable code (<see cref="ErrorCodes"/>) and a French sentence; then the
/// plan is validated by <see cref="PlanValidator"/>. Writing gives indented UTF-8 JSON that reads back to an equal plan.
/// </remarks>
public static class PlanFile
{
    /// <summary>The longest plan file read, in bytes (the API's body limit).</summary>
    public const long MaxBytes = ApiLimits.MaxBodyBytes;

    private static readonly JsonSerializerOptions Options = CreateOptions(indented: false);

    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    /// <summary>Reads a plan file's bytes (UTF-8 JSON).</summary>
    /// <param name="json">The file's content.</param>
    /// <returns>The plan, or every problem found.</returns>
    public static PlanFileResult Read(ReadOnlyMemory<byte> json)
    {
        if (json.Length > MaxBytes)
        {
            return Failed("$", new FundingMessage(ErrorCodes.BodyTooLarge,
                $"Le fichier fait {json.Length} octets, au-delà de la limite de {MaxBytes} octets.",
                $"The file is {json.Length} bytes long, beyond the limit of {MaxBytes} bytes."));
        }
        PlanRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<PlanRequest>(json.Span, Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            var shape = JsonShape.Check(json, typeof(PlanRequest), Options);
            return shape.Count > 0
                ? new PlanFileResult(null, shape.Select(p => new PlanFileError(p.Path, p.Message)).ToArray())
                : Failed("$", new FundingMessage(ErrorCodes.JsonSyntax, "Le fichier n'a pas pu être lu comme un plan.", "The file could not be read as a plan."));
        }
        if (request is null)
        {
            return Failed("$", new FundingMessage(ErrorCodes.FieldNull, "Le fichier contient null au lieu d'un plan.", "The file holds null instead of a plan."));
        }
        var errors = new RequestErrors();
        var plan = PlanMapping.ToDomain(request, errors);
        if (plan is not null && !errors.HasErrors)
        {
            errors.AddRange(PlanValidator.Validate(plan));
        }
        return errors.HasErrors || plan is null
            ? new PlanFileResult(null, errors.ToList().Select(e => new PlanFileError(e.Path, e.Message)).ToArray())
            : new PlanFileResult(plan, []) { Request = request };
    }

    /// <summary>Reads a plan file from text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan, or every problem found.</returns>
    public static PlanFileResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes <paramref name="plan"/> as an indented plan file (UTF-8, no byte order mark).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonSerializer.Serialize(PlanMapping.ToRequest(plan), Indented);
    }

    private static PlanFileResult Failed(string path, FundingMessage message) => new(null, [new PlanFileError(path, message)]);

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        ApiJson.Configure(options);
        // A plan file is read by people too: accents and « » as they are, not escaped.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
