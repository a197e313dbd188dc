using Approvals.Engine.Definitions;
using Approvals.Engine.Serialization;

namespace Approvals.Host.Endpoints.Elsa.Definitions;

/// <summary>
/// <c>POST /elsa/api/workflow-definitions/import-files</c> (administrators): the studio's "Import" on the definition list — JSON
/// files, or ZIP files of them, each saved as a draft. Every file is read before any is saved, so one broken file saves nothing.
/// </summary>
internal static class ImportDefinitionFiles
{
    public static void Map(RouteGroupBuilder write) => write.MapPost("/import-files", HandleAsync).DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpRequest request, WorkflowDefinitionStore store)
    {
        if (!request.HasFormContentType)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = ["send the files as multipart/form-data"] });
        if (request.ContentLength > DefinitionArchive.MaxUploadBytes)
            return TooLarge($"An import takes at most {DefinitionArchive.MaxUploadBytes / 1024 / 1024} MB of files.");
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        List<(string Name, string Text)> documents;
        try
        {
            documents = await DefinitionArchive.ReadAsync(form.Files, request.HttpContext.RequestAborted);
        }
        catch (DefinitionArchive.TooLargeException tooLarge)
        {
            return TooLarge(tooLarge.Message);
        }
        catch (InvalidDataException invalid)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [invalid.Message] });
        }
        if (documents.Count == 0)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = ["no .json workflow definitions were sent"] });
        var broken = documents.Select(d => (d.Name, Read: DefinitionReader.Read(d.Text))).Where(d => d.Read.Document is null).ToList();
        if (broken.Count > 0)
            return Results.ValidationProblem(broken.ToDictionary(b => b.Name,
                b => b.Read.Problems.Select(p => p.Line is { } line ? $"{p.Message} (line {line}, column {p.Column})" : p.Message)
                .ToArray()),
                title: "A workflow definition file is not valid.");
        foreach (var (_, text) in documents) await store.ImportAsync(text, publish: false);
        return Results.Ok(new { count = documents.Count });
    }

    private static IResult TooLarge(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.", detail: detail);
}
