using System.Management.Automation;

namespace Veo.PowerShell.Hosting;

/// <summary>An error record's parts, kept as plain data until the host turns it into an ErrorRecord.</summary>
internal sealed record VeoError(Exception Exception, string ErrorId, ErrorCategory Category, object? Target, string? RecommendedAction = null)
{
    public ErrorRecord ToErrorRecord()
    {
        var record = new ErrorRecord(Exception, ErrorId, Category, Target);
        if (RecommendedAction is not null) record.ErrorDetails = new ErrorDetails(Exception.Message) { RecommendedAction = RecommendedAction };
        return record;
    }
}
