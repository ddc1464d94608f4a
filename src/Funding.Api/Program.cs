using Funding.Api;

// 'keys add WORKSPACE [NAME]', 'keys revoke WORKSPACE NAME', 'keys list WORKSPACE': the workspace's API keys.
if (args is ["keys", ..])
{
    return await KeysCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

// 'workspace export WORKSPACE FILE', 'workspace import WORKSPACE FILE': a backup, or a move to another database.
if (args is ["workspace", ..])
{
    return await KeysCommand.RunWorkspaceAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddFundingApi();

var app = builder.Build();
app.UseFundingApi();
app.MapFundingEndpoints();
app.Run();
return 0;
