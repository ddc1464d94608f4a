using Funding.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Funding.Client.Tests;

/// <summary>The API on a real Kestrel port, and the Kiota-generated client talking to it over HTTP.</summary>
public sealed class ClientFactory : WebApplicationFactory<Program>
{
    public ClientFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The server's address, for programs outside the test process (node).</summary>
    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Funding", $"Data Source={Path.Combine(Path.GetTempPath(), $"funding-client-{Guid.NewGuid():N}.db")}");
    }

    /// <summary>The generated client, as an application would build it, over the in-memory server.</summary>
    public FundingClient Client() => new(Adapter());

    /// <summary>The request adapter the client runs on (to send a generated request for a raw answer).</summary>
    public HttpClientRequestAdapter Adapter()
    {
        var http = CreateClient();
        return new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') };
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Funding.sln).");
    }
}
