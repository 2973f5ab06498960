namespace Veo.Core.Requests;

/// <summary>A request that would be refused or silently downgraded; nothing was sent or paid.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : "The request has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
