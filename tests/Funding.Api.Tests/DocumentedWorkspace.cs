using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Funding.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Api.Tests;

/// <summary>
/// The API for the tests driven by its OpenAPI document: a workspace with an administrator's key, the seed saved in it,
/// and the value each documented path parameter takes so that the path exists.
/// </summary>
public sealed class DocumentedWorkspace : IAsyncDisposable
{
    private DocumentedWorkspace(FundingApiFactory factory, HttpClient client, string planId)
    {
        Factory = factory;
        Client = client;
        PlanId = planId;
    }

    public FundingApiFactory Factory { get; }

    /// <summary>A client with the administrator's key.</summary>
    public HttpClient Client { get; }

    /// <summary>The seed, saved as version 1.</summary>
    public string PlanId { get; }

    /// <summary>A new database, the workspace <paramref name="workspace"/>, its administrator's key and the seed saved.</summary>
    public static async Task<DocumentedWorkspace> StartAsync(string workspace)
    {
        var factory = new FundingApiFactory();
        var (key, _) = await factory.Services.GetRequiredService<KeyStore>().AddKeyAsync(workspace, "finances", WorkspaceRole.Admin, "tests");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var saved = await (await client.PostJsonAsync("/v1/saved-plans", $$"""{"plan": {{Seeds.PlanJson}}, "comment": "v1"}""")).Content.ReadAsStringAsync();
        return new DocumentedWorkspace(factory, client, JsonNode.Parse(saved)!["planId"]!.GetValue<string>());
    }

    /// <summary>
    /// A path parameter's value that exists: the saved seed, the catalogue's programme the documented examples name
    /// (Petites villes de demain), the local programme and the envelope of the workspace's examples, the seed sample,
    /// version 1; any other parameter « fuzz ».
    /// </summary>
    public string Known(string path, string parameter) => parameter switch
    {
        "id" when path.StartsWith("/v1/saved-plans/", StringComparison.Ordinal) => PlanId,
        "id" when path.StartsWith("/v1/programmes/", StringComparison.Ordinal) => "petites-villes-de-demain",
        "id" when path.StartsWith("/v1/workspace/programmes/", StringComparison.Ordinal) => "ingenierie-region",
        "id" when path.StartsWith("/v1/workspace/envelopes/", StringComparison.Ordinal) => "qbo-postes",
        "id" when path.StartsWith("/v1/samples/", StringComparison.Ordinal) => "territoire-industrie-finistere",
        "number" or "a" or "b" => "1",
        _ => "fuzz",
    };

    /// <summary>A path template with every parameter given its <see cref="Known"/> value.</summary>
    public string Fill(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => Known(template, m.Groups[1].Value));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
