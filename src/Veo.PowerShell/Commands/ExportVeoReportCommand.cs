using System.Management.Automation;
using Veo.Core.Reports;
using Veo.Core.Tasks;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// Writes a batch's report, the review page (Core's HtmlReport) or its rows as CSV (CsvReport) as -Path's extension says:
/// from what is piped in (Save-VeoVideo's files, Get-VeoVideo's or Wait-VeoVideo's tasks), or, with nothing piped, from
/// the journal (-Batch, -Since). Outputs the report's file.
/// </summary>
[Cmdlet(VerbsData.Export, "VeoReport", HelpUri = HelpLinks.Base + "Export-VeoReport.md", DefaultParameterSetName = PipelineSet, SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class ExportVeoReportCommand : VeoCmdlet
{
    private const string PipelineSet = "Pipeline";
    private const string JournalSet = "Journal";

    /// <summary>The report to write: report.html (the page) or report.csv (its rows); its folder is made when missing, and an existing file is replaced.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("OutFile")]
    public string Path { get; set; } = "";

    /// <summary>A saved video (VideoFile) or a task (VideoTask), one row each.</summary>
    [Parameter(ValueFromPipeline = true, ParameterSetName = PipelineSet)]
    public PSObject[]? InputObject { get; set; }

    /// <summary>From the journal: only the tasks of this New-VeoVideo -Batch.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public string? Batch { get; set; }

    /// <summary>From the journal: only the tasks created at or after this time.</summary>
    [Parameter(ParameterSetName = JournalSet)]
    public DateTime? Since { get; set; }

    /// <summary>The page's heading and title (a CSV has neither).</summary>
    [Parameter]
    public string Title { get; set; } = "Veo videos";

    private readonly List<ReportEntry> _entries = new();
    private ReportFormat _format;

    /// <summary>An extension that names no format stops the pipeline here, before anything upstream runs or is written.</summary>
    protected override void BeginProcessing()
    {
        if (ReportFormats.Of(Path) is { } format) _format = format;
        else ThrowTerminatingError(ErrorMapping.From(new ArgumentException(
            $"Export-VeoReport writes a page (-Path report.html or .htm) or a spreadsheet (-Path report.csv), chosen by the extension; '{Path}' has neither.",
            nameof(Path)), Path));
    }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject ?? Array.Empty<PSObject>())
        {
            switch (item?.BaseObject)
            {
                case VideoFile file:
                    _entries.Add(ReportEntry.Of(file));
                    break;
                case VideoTask task:
                    _entries.Add(ReportEntry.Of(task, task.SavedPath is null ? null : ResolvePath(task.SavedPath)));
                    break;
                default:
                    Fail(new ArgumentException(
                        $"Export-VeoReport takes saved videos (Save-VeoVideo) or tasks (New-, Wait-, Get-VeoVideo), not a {item?.BaseObject?.GetType().Name ?? "null"}. " +
                        "To report from the journal, run Export-VeoReport on its own (-Batch and -Since narrow it)."), item);
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            var path = ResolvePath(Path);
            // Not in a pipeline: the journal is the report (all of it, or the -Batch and -Since asked for). A pipeline that
            // brought nothing (Get-VeoVideo -State Failed with no failure) is an empty report, never the whole journal.
            var entries = MyInvocation.ExpectingInput || InputObject is not null ? _entries
                : JournalReport.Entries(Session.Engine.Journal, Batch, Since is { } since ? new DateTimeOffset(since.ToUniversalTime()) : null);
            if (!ShouldProcess(path, $"Write a report of {entries.Count} video(s)")) return;
            if (_format == ReportFormat.Csv) CsvReport.Write(path, entries);
            else HtmlReport.Write(path, entries, Title, DateTimeOffset.Now);
            WriteVerbose($"Wrote {entries.Count} row(s) to {path}.");
            Emit(new FileInfo(path));
        }
        catch (Exception e) when (!PowerShellFlow.Is(e))
        {
            Fail(e, Path);
        }
    }
}
