using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>The three kinds of bytes that once broke the error path.</summary>
public enum ByteFaultKind
{
    /// <summary>A string holding an escape that gives half a UTF-16 pair: <c>"\ud800"</c>.</summary>
    LoneSurrogate,

    /// <summary>A string holding bytes that are not UTF-8: <c>0xFF</c>, a lone continuation byte, a UTF-8-encoded surrogate.</summary>
    InvalidUtf8,

    /// <summary>A property name holding bytes that are not UTF-8.</summary>
    InvalidUtf8InName,

    /// <summary>A value nested deeper than the API allows: <c>[[[…]]]</c>.</summary>
    DeepNesting,
}

/// <summary>A valid request body with one fault put in at a known place; <see cref="ExpectedPath"/> is where the problem must be named.</summary>
public sealed record ByteFault(string Endpoint, ByteFaultKind Kind, string ExpectedPath, byte[] Body)
{
    public override string ToString() => $"{Kind} at {ExpectedPath} in {Endpoint}: {Encoding.UTF8.GetString(Body.Length > 400 ? Body[..400] : Body)}";
}

/// <summary>Puts each kind of fault at a random value (or object) of a valid body of every POST endpoint.</summary>
public static class ByteFaultArbitraries
{
    private const string Mark = "FUZZ-MARK-7f3a";

    public static Arbitrary<ByteFault> ByteFaultArb() =>
        (from endpoint in Gen.Choose(0, FuzzArbitraries.EndpointCount - 1)
         from kind in Gen.Elements(Enum.GetValues<ByteFaultKind>())
         from seed in Gen.Choose(0, int.MaxValue)
         select Make(endpoint, kind, new Random(seed)))
        .ToArbitrary();

    private static readonly string[] Surrogates = [@"\ud800", @"\udbff", @"\udc00", @"x\ud83d", @"\udfff y", @"\ud800\ud800"];

    private static readonly byte[][] NotUtf8 = [[0xFF], [0x80], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x61, 0xFE, 0x62]];

    private static ByteFault Make(int endpointIndex, ByteFaultKind kind, Random random)
    {
        var (endpoint, valid) = FuzzArbitraries.Valid[endpointIndex];
        var root = JsonNode.Parse(valid)!;
        var nodes = FuzzArbitraries.Descendants(root).ToList();
        string path;
        if (kind == ByteFaultKind.InvalidUtf8InName)
        {
            // A new property in a random object: the problem is that object's (its name cannot be shown).
            var objects = nodes.OfType<JsonObject>().Prepend(root as JsonObject).OfType<JsonObject>().ToList();
            var owner = objects[random.Next(objects.Count)];
            owner[Mark] = 1;
            path = PathOf(owner);
        }
        else
        {
            var target = nodes[random.Next(nodes.Count)];
            path = PathOf(target);
            if (kind == ByteFaultKind.DeepNesting)
            {
                path = WithoutTrailingItems(path);
            }
            switch (target.Parent)
            {
                case JsonObject owner:
                    owner[target.GetPropertyName()] = Mark;
                    break;
                case JsonArray list:
                    list[target.GetElementIndex()] = Mark;
                    break;
            }
        }
        string json = root.ToJsonString();
        byte[] fault = kind switch
        {
            ByteFaultKind.LoneSurrogate => Encoding.UTF8.GetBytes($"\"{Surrogates[random.Next(Surrogates.Length)]}\""),
            ByteFaultKind.InvalidUtf8 => [(byte)'"', .. NotUtf8[random.Next(NotUtf8.Length)], (byte)'"'],
            ByteFaultKind.InvalidUtf8InName => [(byte)'"', (byte)'k', .. NotUtf8[random.Next(NotUtf8.Length)], (byte)'"'],
            _ => Encoding.UTF8.GetBytes(Nested(random.Next(33, 300))),
        };
        string marked = $"\"{Mark}\"";
        int at = json.IndexOf(marked, StringComparison.Ordinal);
        byte[] body = [.. Encoding.UTF8.GetBytes(json[..at]), .. fault, .. Encoding.UTF8.GetBytes(json[(at + marked.Length)..])];
        return new ByteFault(endpoint, kind, path, body);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string PathOf(JsonNode node) => node.GetPath() is "$" ? "$" : node.GetPath().TrimStart('$', '.');

    private static string WithoutTrailingItems(string path)
    {
        while (path.EndsWith(']') && path.LastIndexOf('[') is var open and > 0)
        {
            path = path[..open];
        }
        return path.Length == 0 || path.StartsWith('[') ? "$" : path;
    }
}

public class ByteFaultProperties(FundingApiFactory factory) : IClassFixture<FundingApiFactory>
{
    /// <summary>
    /// Lone surrogates, bytes that are not UTF-8 (in a value or a property name) and values nested too deep, put into a
    /// valid body of every POST endpoint: always a 400 problem+json with its code, naming the path of the value (or of
    /// the object whose property name is unreadable).
    /// </summary>
    [Property(Arbitrary = [typeof(ByteFaultArbitraries)], MaxTest = 3_000)]
    public bool EveryFault_IsA400Problem_NamingItsPath(ByteFault fault)
    {
        using var client = factory.CreateClient();
        using var content = new ByteArrayContent(fault.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = client.PostAsync(new Uri(fault.Endpoint, UriKind.Relative), content).GetAwaiter().GetResult();
        string text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.Content.Headers.ContentType} for {fault}: {text}");
        }
        var problem = JsonNode.Parse(text)!;
        var paths = problem["fieldErrors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToArray();
        if (!paths.Contains(fault.ExpectedPath))
        {
            throw new InvalidOperationException($"{string.Join(", ", paths)} instead of {fault.ExpectedPath} for {fault}");
        }
        return ErrorCodes.All.Contains(problem["code"]!.GetValue<string>());
    }
}
