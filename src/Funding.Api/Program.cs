using Funding.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddFundingApi();

var app = builder.Build();
app.UseFundingApi();
app.MapFundingEndpoints();
app.Run();
