using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Funding.Api.Tests;

/// <summary>Small helpers to post raw JSON and read responses as JSON documents.</summary>
public static class ApiClient
{
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonNode> OkJsonAsync(this HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 9457 problem with this status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotContain("   at ", Case.Sensitive, "a problem must not leak a stack trace");
        return problem;
    }

    public static IReadOnlyDictionary<string, string[]> Errors(this JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());

    public static decimal Decimal(this JsonNode node) => node.GetValue<decimal>();

    /// <summary>The raw JSON text of a number, to check that money travels with two decimals.</summary>
    public static string Raw(this JsonNode node) => node.ToJsonString();

    public static JsonNode Clone(this JsonNode node) => JsonNode.Parse(node.ToJsonString())!;

    /// <summary>The signing the tests record: the council's deliberation n° 8 of 17 March 2022 (the seed's vote).</summary>
    public const string Deliberation = """{"votedOn": "2022-03-17", "reference": "délibération n° 8"}""";

    /// <summary>Signs version <paramref name="number"/> of saved plan <paramref name="id"/> with <see cref="Deliberation"/>.</summary>
    public static Task<HttpResponseMessage> SignAsync(this HttpClient client, string id, int number = 1) =>
        client.PostJsonAsync($"/v1/saved-plans/{id}/versions/{number}/sign", Deliberation);
}
