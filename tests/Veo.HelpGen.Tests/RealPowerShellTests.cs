using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Veo.HelpGen.Tests;

/// <summary>
/// The module as a user meets it: imported into a real PowerShell runspace (Microsoft.PowerShell.SDK), with the help
/// the build generated beside it. The syntax on every page and in Get-Help is what Get-Command -Syntax prints.
/// </summary>
public sealed class RealPowerShellTests : IClassFixture<RealPowerShellTests.ImportedModule>
{
    private readonly ImportedModule _module;

    public RealPowerShellTests(ImportedModule module) => _module = module;

    private static IEnumerable<string> Pages() => Directory.GetFiles(TempDocs.RealDocs, "*-*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    public static TheoryData<string> ExportedCmdlets() => new(Pages());

    [Fact]
    public void Every_exported_cmdlet_has_a_page()
    {
        Assert.Equal(Pages().Order(), _module.Run("(Get-Command -Module Veo).Name").Order());
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void The_syntax_on_the_page_is_what_Get_Command_Syntax_prints_line_for_line(string cmdlet)
    {
        var page = Path.Combine(TempDocs.RealDocs, cmdlet + ".md");
        var diagnostics = new List<Diagnostic>();
        var documented = CommandDocReader.Read(page, File.ReadAllText(page), diagnostics).Syntax.Select(s => OneLine(s.Text));

        Assert.Empty(diagnostics);
        Assert.Equal(_module.SyntaxOf(cmdlet), documented);
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void The_syntax_Get_Help_shows_from_the_generated_help_is_what_Get_Command_Syntax_prints(string cmdlet)
    {
        // The synopsis comes from the page: Get-Help read the generated MAML rather than making up help of its own.
        var synopsis = _module.Run($"(Get-Help {cmdlet}).Synopsis").Single();
        Assert.DoesNotContain(cmdlet + " ", synopsis);
        Assert.Equal(_module.SyntaxOf(cmdlet), _module.Run($"Get-Help {cmdlet} | ForEach-Object Syntax | Out-String -Width 10000 -Stream").Select(OneLine).Where(l => l.Length > 0));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void Get_Help_Full_shows_the_page_synopsis_description_every_parameter_and_the_examples(string cmdlet)
    {
        var page = Path.Combine(TempDocs.RealDocs, cmdlet + ".md");
        var doc = CommandDocReader.Read(page, File.ReadAllText(page), new List<Diagnostic>());
        var full = string.Join("\n", _module.Run($"Get-Help {cmdlet} -Full | Out-String -Width 10000 -Stream"));

        Assert.Contains(doc.Synopsis, full);
        Assert.Contains(doc.Description[0], full);
        Assert.All(doc.Parameters, p => Assert.Contains($"-{p.Name}", full));
        Assert.All(doc.Parameters, p => Assert.Contains(p.Description[0], full));
        Assert.All(doc.Examples, e => Assert.Contains(e.Title, full));
        Assert.Contains("RELATED LINKS", full);
    }

    private static string OneLine(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>One runspace for the class, with Veo imported from the test's output folder, the way a user imports it.</summary>
    public sealed class ImportedModule : IDisposable
    {
        private readonly Runspace _runspace;

        public ImportedModule()
        {
            var state = InitialSessionState.CreateDefault();
            if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
            Run($"Import-Module '{Path.Combine(AppContext.BaseDirectory, "Veo.psd1")}' -ErrorAction Stop");
        }

        /// <summary>The non-blank lines of Get-Command -Syntax: one per parameter set.</summary>
        public IReadOnlyList<string> SyntaxOf(string cmdlet) =>
            Run($"Get-Command {cmdlet} -Syntax").SelectMany(s => s.Split('\n')).Select(OneLine).Where(l => l.Length > 0).ToList();

        public IReadOnlyList<string> Run(string script)
        {
            using var powershell = System.Management.Automation.PowerShell.Create(_runspace);
            var output = powershell.AddScript(script).Invoke();
            Assert.False(powershell.HadErrors, string.Join(Environment.NewLine, powershell.Streams.Error));
            return output.Select(o => o?.ToString() ?? "").ToList();
        }

        public void Dispose() => _runspace.Dispose();
    }
}
