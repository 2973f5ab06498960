using System.Management.Automation;
using System.Text;
using System.Xml;

namespace Veo.HelpGen;

/// <param name="Assembly">The built module dll whose cmdlets the pages document.</param>
/// <param name="Docs">The folder of &lt;Cmdlet-Name&gt;.md and about_*.md pages.</param>
/// <param name="Output">Gets &lt;Culture&gt;/&lt;dll name&gt;-Help.xml and &lt;Culture&gt;/about_*.help.txt, where Get-Help looks beside a module.</param>
/// <param name="Dependencies">Assemblies the module loads that are not beside it (see <see cref="CmdletReader.Read"/>).</param>
public sealed record HelpOptions(string Assembly, string Docs, string Output, string Culture = "en-US", IReadOnlyList<string>? Dependencies = null)
{
    public string HelpFileName => Path.GetFileName(Assembly) + "-Help.xml";

    public string PageOf(CmdletInfo cmdlet) => Path.Combine(Docs, cmdlet.Name + ".md");
}

/// <summary>What a run made, or why it made nothing.</summary>
public sealed record HelpResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Written)
{
    public bool Succeeded => Diagnostics.Count == 0;
}

/// <summary>
/// Reads every page, checks each cmdlet page against the cmdlet PowerShell imported, and only when nothing is wrong
/// writes the MAML and the about topics, so a half-right help file never ships.
/// </summary>
public static class HelpGenerator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static HelpResult Run(HelpOptions options)
    {
        HelpResult Failed(string path, string message) => new([new Diagnostic(path, 1, message)], []);
        if (!File.Exists(options.Assembly)) return Failed(options.Assembly, $"The module assembly '{options.Assembly}' does not exist; build it first.");
        if (!Directory.Exists(options.Docs)) return Failed(options.Docs, $"The docs folder '{options.Docs}' does not exist.");
        IReadOnlyList<CmdletInfo> cmdlets;
        try
        {
            cmdlets = CmdletReader.Read(options.Assembly, options.Dependencies);
        }
        catch (ModuleImportException e)
        {
            return Failed(options.Assembly, e.Message);
        }

        var diagnostics = new List<Diagnostic>();
        var pages = Directory.GetFiles(options.Docs, "*.md").Order(StringComparer.Ordinal).ToLookup(p => Path.GetFileName(p).StartsWith("about_", StringComparison.OrdinalIgnoreCase));
        var documented = new List<(CmdletInfo, CommandDoc)>();
        foreach (var page in pages[false])
        {
            var name = Path.GetFileNameWithoutExtension(page);
            if (cmdlets.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } cmdlet)
            {
                documented.Add((cmdlet, CommandDocReader.Read(page, File.ReadAllText(page), diagnostics)));
                diagnostics.AddRange(DocCheck.Check(documented[^1].Item2, cmdlet));
            }
            else diagnostics.Add(new Diagnostic(page, 1, $"{Path.GetFileName(page)} documents a cmdlet named {name}, but {Path.GetFileName(options.Assembly)} has none. " +
                                                         $"Its cmdlets are: {string.Join(", ", cmdlets.Select(c => c.Name))}. Pages that are not cmdlets are named about_*.md."));
        }
        foreach (var undocumented in cmdlets.Where(c => !documented.Any(d => d.Item1 == c)))
            diagnostics.Add(new Diagnostic(options.PageOf(undocumented), 1,
                $"{undocumented.Name} ({undocumented.ImplementingType.FullName}) has no help page: write {undocumented.Name}.md in the docs folder. " +
                $"To start from a page with its syntax and parameters filled in, run: {Command(options, $"--docs \"{options.Docs}\" --scaffold <module name>")}"));
        if (diagnostics.Any(d => d.Message.StartsWith("The syntax", StringComparison.Ordinal)))
            diagnostics.Add(new Diagnostic(options.Docs, 1, $"To rewrite the stale SYNTAX blocks, run: {Command(options, $"--update-syntax \"{options.Docs}\"")}"));
        var topics = pages[true].Select(p => (Path: p, Text: AboutTopicWriter.Write(p, File.ReadAllText(p), diagnostics))).ToList();
        if (diagnostics.Count > 0) return new HelpResult(diagnostics, []);

        var folder = Directory.CreateDirectory(Path.Combine(options.Output, options.Culture)).FullName;
        var written = new List<string> { Path.Combine(folder, options.HelpFileName) };
        using (var writer = XmlWriter.Create(written[0], new XmlWriterSettings { Encoding = Utf8, Indent = true, IndentChars = "  ", NewLineChars = "\n" }))
            MamlWriter.Write(documented).Save(writer);
        written.AddRange(topics.Select(t => Path.Combine(folder, Path.GetFileNameWithoutExtension(t.Path) + ".help.txt")));
        foreach (var (file, text) in written.Skip(1).Zip(topics.Select(t => t.Text))) File.WriteAllText(file, text, Utf8);
        return new HelpResult(diagnostics, written);
    }

    /// <summary>Writes a page for every cmdlet that has none, to fill in; existing pages are left alone.</summary>
    public static IReadOnlyList<string> Scaffold(HelpOptions options, string moduleName)
    {
        Directory.CreateDirectory(options.Docs);
        var missing = CmdletReader.Read(options.Assembly, options.Dependencies).Where(c => !File.Exists(options.PageOf(c))).ToList();
        foreach (var cmdlet in missing) File.WriteAllText(options.PageOf(cmdlet), PageScaffold.Write(cmdlet, options.HelpFileName, moduleName), Utf8);
        return missing.Select(options.PageOf).ToList();
    }

    /// <summary>
    /// Rewrites the SYNTAX blocks of existing pages that differ from what PowerShell prints, one line per set, so a
    /// parameter change needs no hand-copied syntax; everything else on the page is left as it is.
    /// </summary>
    public static IReadOnlyList<string> UpdateSyntax(HelpOptions options)
    {
        var written = new List<string>();
        foreach (var (cmdlet, page) in CmdletReader.Read(options.Assembly, options.Dependencies).Select(c => (c, options.PageOf(c))).Where(c => File.Exists(c.Item2)))
        {
            var lines = File.ReadAllText(page).Split('\n').ToList();
            var stale = DocCheck.SyntaxBlocks(CommandDocReader.Read(page, string.Join("\n", lines), new List<Diagnostic>()), cmdlet)
                .Where(s => s.Block is not null && MarkdownParser.OneLine(s.Block.Text) != s.Text).OrderByDescending(s => s.Block!.Line).ToList();
            // A block's Line is its opening fence (1-based), so its code starts at index Line and runs to the closing fence.
            foreach (var (_, _, text, block) in stale)
            {
                lines.RemoveRange(block!.Line, lines.FindIndex(block.Line, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal)) - block.Line);
                lines.Insert(block.Line, text);
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
}
