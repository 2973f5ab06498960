using System.Text;
using System.Xml;
using System.Xml.Linq;
using Veo.HelpGen.Checking;
using Veo.HelpGen.Cmdlets;
using Veo.HelpGen.Docs;
using Veo.HelpGen.Output;

namespace Veo.HelpGen;

/// <param name="Assembly">The built module dll whose cmdlets the pages document.</param>
/// <param name="Docs">The folder of &lt;Cmdlet-Name&gt;.md and about_*.md pages.</param>
/// <param name="Output">Gets &lt;Culture&gt;/&lt;dll name&gt;-Help.xml and &lt;Culture&gt;/about_*.help.txt, where Get-Help looks beside a module.</param>
/// <param name="Dependencies">Assemblies the module loads that are not beside it (see <see cref="CmdletReader.Read"/>).</param>
public sealed record HelpOptions(string Assembly, string Docs, string Output, string Culture = "en-US", IReadOnlyList<string>? Dependencies = null)
{
    public string HelpFileName => Path.GetFileName(Assembly) + "-Help.xml";
}

/// <summary>What a run made, or why it made nothing.</summary>
public sealed record HelpResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Written)
{
    public bool Succeeded => Diagnostics.Count == 0;
}

/// <summary>
/// Reads every page, checks each cmdlet page against the cmdlet's attributes, and only when nothing is wrong
/// writes the MAML and the about topics, so a half-right help file never ships.
/// </summary>
public static class HelpGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static HelpResult Run(HelpOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        if (!File.Exists(options.Assembly)) return Failed(options.Assembly, $"The module assembly '{options.Assembly}' does not exist; build it first.");
        if (!Directory.Exists(options.Docs)) return Failed(options.Docs, $"The docs folder '{options.Docs}' does not exist.");

        IReadOnlyList<CmdletMetadata> cmdlets;
        try
        {
            cmdlets = CmdletReader.Read(options.Assembly, options.Dependencies);
        }
        catch (ModuleImportException e)
        {
            return Failed(options.Assembly, e.Message);
        }
        var pages = Directory.GetFiles(options.Docs, "*.md").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var aboutPages = pages.Where(IsAbout).ToList();

        var documented = new List<(CmdletMetadata, CommandDoc)>();
        foreach (var page in pages.Except(aboutPages))
        {
            var name = Path.GetFileNameWithoutExtension(page);
            var cmdlet = cmdlets.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (cmdlet is null)
            {
                diagnostics.Add(new Diagnostic(page, 1, $"{Path.GetFileName(page)} documents a cmdlet named {name}, but {Path.GetFileName(options.Assembly)} has none. " +
                                                        $"Its cmdlets are: {string.Join(", ", cmdlets.Select(c => c.Name))}. Pages that are not cmdlets are named about_*.md."));
                continue;
            }
            var doc = CommandDocReader.Read(page, File.ReadAllText(page), diagnostics);
            diagnostics.AddRange(DocCheck.Check(doc, cmdlet));
            documented.Add((cmdlet, doc));
        }
        foreach (var undocumented in cmdlets.Where(c => !documented.Any(d => d.Item1 == c)))
            diagnostics.Add(new Diagnostic(Path.Combine(options.Docs, undocumented.Name + ".md"), 1,
                $"{undocumented.Name} ({undocumented.ClassName}) has no help page: write {undocumented.Name}.md in the docs folder. " +
                $"To start from a page with its syntax and parameters filled in, run: {Command(options, $"--docs \"{options.Docs}\" --scaffold <module name>")}"));
        if (diagnostics.Any(d => d.Message.StartsWith("The syntax", StringComparison.Ordinal)))
            diagnostics.Add(new Diagnostic(options.Docs, 1, $"To rewrite the stale SYNTAX blocks, run: {Command(options, $"--update-syntax \"{options.Docs}\"")}"));

        var topics = aboutPages.Select(p => (Path: p, Text: AboutTopicWriter.Write(p, File.ReadAllText(p), diagnostics))).ToList();
        if (diagnostics.Count > 0) return new HelpResult(diagnostics, Array.Empty<string>());

        var cultureFolder = Path.Combine(options.Output, options.Culture);
        Directory.CreateDirectory(cultureFolder);
        var helpFile = Path.Combine(cultureFolder, options.HelpFileName);
        Save(MamlWriter.Write(documented), helpFile);
        var written = new List<string> { helpFile };
        foreach (var (path, text) in topics)
        {
            var target = Path.Combine(cultureFolder, Path.GetFileNameWithoutExtension(path) + ".help.txt");
            File.WriteAllText(target, text!, Utf8);
            written.Add(target);
        }
        return new HelpResult(diagnostics, written);
    }

    /// <summary>Writes a page for every cmdlet that has none, to fill in; existing pages are left alone.</summary>
    public static IReadOnlyList<string> Scaffold(HelpOptions options, string moduleName)
    {
        Directory.CreateDirectory(options.Docs);
        var written = new List<string>();
        foreach (var cmdlet in CmdletReader.Read(options.Assembly, options.Dependencies))
        {
            var page = Path.Combine(options.Docs, cmdlet.Name + ".md");
            if (File.Exists(page)) continue;
            File.WriteAllText(page, PageScaffold.Write(cmdlet, options.HelpFileName, moduleName), Utf8);
            written.Add(page);
        }
        return written;
    }

    /// <summary>
    /// Rewrites the SYNTAX blocks of existing pages that differ from what PowerShell prints, one line per set, so a
    /// parameter change needs no hand-copied syntax; everything else on the page is left as it is.
    /// </summary>
    public static IReadOnlyList<string> UpdateSyntax(HelpOptions options)
    {
        var written = new List<string>();
        foreach (var cmdlet in CmdletReader.Read(options.Assembly, options.Dependencies))
        {
            var page = Path.Combine(options.Docs, cmdlet.Name + ".md");
            if (!File.Exists(page)) continue;
            var lines = File.ReadAllText(page).Split('\n').ToList();
            var doc = CommandDocReader.Read(page, string.Join("\n", lines), new List<Diagnostic>());
            var single = cmdlet.Syntax.Count == 1 && cmdlet.Syntax[0].Set == CmdletMetadata.AllParameterSets;
            var stale = doc.Syntax
                .Select(block => (Block: block, Syntax: cmdlet.Syntax.FirstOrDefault(s => single ? block.SetName is null : string.Equals(s.Set, block.SetName, StringComparison.OrdinalIgnoreCase))))
                .Where(b => b.Syntax is not null && DocCheck.Normalize(b.Block.Text) != b.Syntax.Text)
                .OrderByDescending(b => b.Block.Line)
                .ToList();
            foreach (var (block, syntax) in stale)
            {
                // block.Line is the opening fence (1-based), so the code starts at index block.Line.
                var closing = lines.FindIndex(block.Line, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
                lines.RemoveRange(block.Line, closing - block.Line);
                lines.Insert(block.Line, syntax!.Text);
            }
            if (stale.Count == 0) continue;
            File.WriteAllText(page, string.Join("\n", lines), Utf8);
            written.Add(page);
        }
        return written;
    }

    /// <summary>This tool's command line for the same module, as a build error can print it.</summary>
    private static string Command(HelpOptions options, string arguments) =>
        $"dotnet \"{typeof(HelpGenerator).Assembly.Location}\" --assembly \"{options.Assembly}\" {arguments}" +
        (options.Dependencies is { Count: > 0 } dependencies ? $" --references \"{string.Join(";", dependencies)}\"" : "");

    private static bool IsAbout(string page) => Path.GetFileName(page).StartsWith("about_", StringComparison.OrdinalIgnoreCase);

    private static HelpResult Failed(string path, string message) => new(new[] { new Diagnostic(path, 1, message) }, Array.Empty<string>());

    private static void Save(XDocument document, string path)
    {
        var settings = new XmlWriterSettings { Encoding = Utf8, Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }
}
