namespace Approvals.Host.Endpoints;

/// <summary>The 404 every endpoint answers: a problem (RFC 9457) saying what was not found.</summary>
internal static class NotFoundProblem
{
    public static IResult For(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
