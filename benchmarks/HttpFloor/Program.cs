// The floor under the API's HTTP figures (issue #28): the same host (Kestrel, a minimal API, System.Text.Json) and the
// same exchanges as benchmarks/http/load.sh — GET /health answers a small JSON object; POST /v1/plans reads the whole
// body and answers as many bytes as the API's answer for the seed, without reading JSON, evaluating or writing JSON.
// Whatever this costs per request, no implementation of the API on this host can cost less.
// Usage: bash benchmarks/http/load.sh 16 10 floor (docs/performance.md, « the floor of the host »).
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning); // as the API's appsettings.json for ASP.NET Core
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();

// The sizes of the API's answers to the seed plan, in bytes (docs/performance.md): lean, summary, full.
int Size(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out int n) ? n : fallback;
byte[] lean = Answer(Size("FLOOR_LEAN_BYTES", 5_173));
byte[] summary = Answer(Size("FLOOR_SUMMARY_BYTES", 27_004));
byte[] full = Answer(Size("FLOOR_FULL_BYTES", 37_132));

app.MapGet("/health", () => TypedResults.Ok(new Health("ok", "floor")));
// The seed plan that load.sh posts, compact as the API's own sample: the body is the same size for both servers.
string seed = JsonNode.Parse(File.ReadAllText(Path.Combine(app.Environment.ContentRootPath, "../../docs/examples/territoire-industrie-finistere.json")))!
    .ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
app.MapGet("/v1/samples/territoire-industrie-finistere", () => TypedResults.Text(seed, "application/json"));
app.MapPost("/v1/plans", async (HttpContext context) =>
{
    PipeReader body = context.Request.BodyReader;
    while (true)
    {
        ReadResult read = await body.ReadAsync(context.RequestAborted);
        body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        if (read.IsCompleted)
        {
            break;
        }
    }
    byte[] answer = context.Request.Query["explain"].ToString() switch
    {
        "none" => lean,
        "summary" => summary,
        _ => full,
    };
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = answer.Length;
    await context.Response.BodyWriter.WriteAsync(answer, context.RequestAborted);
});
app.Run();

// A JSON string of the given length: {"floor":"xxx…"}.
static byte[] Answer(int length)
{
    var text = new StringBuilder("{\"floor\":\"").Append('x', Math.Max(0, length - 12)).Append("\"}");
    return Encoding.UTF8.GetBytes(text.ToString());
}

internal sealed record Health(string Status, string CalculationVersion);
