using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Funding.Browser.Tests;

/// <summary>
/// The API on a real Kestrel port and a headless Debian Chromium driven by Playwright (no browser download).
/// Without Chromium the tests are skipped with a reason — unless FUNDING_BROWSER_TESTS=required (as in CI), where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _server;
    private IPlaywright? _playwright;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("FUNDING_CHROMIUM") ?? "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("FUNDING_BROWSER_TESTS") == "required";

    public IBrowser? Browser { get; private set; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>A new API key for a new workspace of the server under test (saved plans need one).</summary>
    public async Task<string> NewKeyAsync()
    {
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Funding.Storage.KeyStore>(_server!.Services);
        return (await store.AddKeyAsync("ws-" + Guid.NewGuid().ToString("N")[..10], "finances", Funding.Storage.WorkspaceRole.Admin, "tests")).Key;
    }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            SkipReason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium; or set FUNDING_CHROMIUM).";
            if (Required)
            {
                throw new InvalidOperationException(SkipReason + " FUNDING_BROWSER_TESTS=required.");
            }
            return;
        }
        _server = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("urls", "http://127.0.0.1:0")
            .UseSetting("ConnectionStrings:Funding", $"Data Source={Path.Combine(Path.GetTempPath(), $"funding-browser-{Guid.NewGuid():N}.db")}"));
        _server.UseKestrel(0);
        _server.StartServer();
        BaseUrl = _server.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Quiet in a closed network: no background connections, no update checks.
            Args = ["--lang=fr-FR", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(string path = "/", string locale = "fr-FR")
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = locale, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1400, Height = 1100 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions: CI runs the test projects side by side on two cores, and an answer that
        // takes longer under that load is not a failure of the page.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(15_000);
        await page.GotoAsync(new Uri(BaseUrl, path).ToString());
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
