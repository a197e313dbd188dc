using Approvals.Host;
using Approvals.Host.Cli;

if (args is ["workflows", "validate", .. var files])
    return await WorkflowsCommand.ValidateAsync(files, Console.Out, Console.Error);
if (DatabaseCommands.Handles(args))
    return await DatabaseCommands.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
// Loopback by default; --urls, ASPNETCORE_URLS or DOTNET_URLS choose otherwise.
if (string.IsNullOrEmpty(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)) && string.IsNullOrEmpty(builder.Configuration["urls"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
try
{
    builder.ClaimDataFolder();
}
catch (Approvals.Host.Storage.DataFolderException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}
builder.AddApprovalsHost();

var app = builder.Build();
await app.PrepareAsync();
app.MapApprovalsEndpoints();
app.Run();
return 0;

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
