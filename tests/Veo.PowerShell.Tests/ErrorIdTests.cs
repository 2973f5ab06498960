using Veo.PowerShell.Tests.Harness;
using System.Net;
using System.Text.RegularExpressions;
using Veo.Core.Http;
using Veo.Core.Media;
using Veo.Core.Pricing;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tasks;
using Veo.PowerShell.Commands;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Tests;

/// <summary>about_Veo promises error ids to scripts that branch on them; the code and the help must name the same ones.</summary>
public class ErrorIdTests
{
    private static readonly VideoTask Task = new() { Id = "task_1", Status = VideoTaskStatus.Failed };

    /// <summary>One exception of every kind the cmdlets report.</summary>
    public static TheoryData<Exception> EveryKind() => new()
    {
        new RequestValidationException(new[] { "bad" }),
        new SpendingCapException("over"),
        new MissingApiKeyException(BuiltInRoutes.All[0]),
        new ApiException("Google", HttpStatusCode.BadRequest, "API_KEY_INVALID", "API key not valid.", null),
        new ApiException("LaoZhang", HttpStatusCode.Unauthorized, null, "bad key", null),
        new ApiException("LaoZhang", (HttpStatusCode)429, null, "slow down", null),
        new AmbiguousCreateException("LaoZhang", new IOException("reset")),
        new VideoTaskFailedException(Task),
        new VideoUndeliverableException("LaoZhang", "Failed to fetch video content"),
        new WaitTimeoutException(Task, 10),
        new VideoNotFinishedException(Task),
        new ContentNotReadyException("task_1", "IN_PROGRESS"),
        new InvalidVideoException(InvalidVideoReason.Truncated, "cut short"),
        new ArgumentException("no such route"),
        new KeyNotFoundException("no such task"),
        new IOException("The file 'x' already exists."),
        new IOException("disk full"),
        new UnauthorizedAccessException("read-only"),
        new HttpRequestException("refused"),
        new OperationCanceledException(),
        new Veo.PowerShell.Emulation.EmulatorNotRunningException("Get-VeoEmulatorRequest"),
        new InvalidOperationException("surprise"),
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_id_the_code_writes_is_one_the_help_names(Exception exception)
    {
        var id = ErrorMapping.From(exception, null).FullyQualifiedErrorId;
        if (Regex.IsMatch(id, @"^Api\d{3}$")) Assert.Contains("- Api followed by the HTTP status", AboutVeo());
        else Assert.Contains(id, HelpErrorIds());
    }

    [Fact]
    public void Every_id_the_help_names_is_one_the_code_writes() =>
        Assert.Equal(ErrorMapping.FixedIds.OrderBy(i => i), HelpErrorIds().OrderBy(i => i));

    [Fact]
    public void A_refused_key_stops_the_pipeline_on_every_route()
    {
        Assert.True(ErrorMapping.StopsEverything(new ApiException("Google", HttpStatusCode.BadRequest, "API_KEY_INVALID", "API key not valid.", null)));
        Assert.True(ErrorMapping.StopsEverything(new ApiException("LaoZhang", HttpStatusCode.Unauthorized, null, "invalid token", null)));
        Assert.False(ErrorMapping.StopsEverything(new ApiException("Google", HttpStatusCode.BadRequest, "INVALID_ARGUMENT", "bad field", null)));
    }

    /// <summary>The ids in about_Veo's Errors list: "- Id: ..." or "- Id, Id: ..." bullets.</summary>
    private static IReadOnlyList<string> HelpErrorIds()
    {
        var text = AboutVeo();
        var section = text.Substring(text.IndexOf("### Errors", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n###", 5, StringComparison.Ordinal) is var end and > 0 ? end : section.Length);
        return Regex.Matches(section, @"^- (?<ids>[^:]+):", RegexOptions.Multiline)
            .SelectMany(m => m.Groups["ids"].Value.Split(',').Select(i => i.Trim()))
            .Where(i => Regex.IsMatch(i, "^[A-Z][A-Za-z0-9]+$")).ToList();
    }

    private static string AboutVeo() => Repository.Page("about_Veo.md");
}
