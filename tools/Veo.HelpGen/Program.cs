using Veo.HelpGen;

const string Usage = """
    Usage:
      Veo.HelpGen --assembly <Module.dll> --docs <folder of *.md> --out <folder> [--culture en-US] [--references <a.dll;b.dll>]
          checks every page against the cmdlets and writes <culture>/<Module.dll>-Help.xml and <culture>/about_*.help.txt;
          --references names the assemblies the module needs when they are not beside it
      Veo.HelpGen --assembly <Module.dll> --docs <folder> --scaffold <module name>
          writes a page to fill in for every cmdlet that has none
      Veo.HelpGen --assembly <Module.dll> --update-syntax <folder of *.md>
          rewrites the SYNTAX blocks of existing pages to what Get-Command -Syntax prints (after a parameter change)
    """;

if (args is ["-h" or "--help" or "-?", ..]) return Print(Console.Out, Usage, 0);
if ((args.Where((_, i) => i % 2 == 0).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? (args.Length % 2 == 1 ? args[^1] : null)) is { } unexpected)
    return Print(Console.Error, $"Unexpected argument '{unexpected}'.\n{Usage}", 2);
var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
foreach (var pair in args.Chunk(2)) values[pair[0][2..]] = pair[1];
HelpOptions Options(string docs, string output = "") => new(Path.GetFullPath(values["assembly"]), Path.GetFullPath(docs), output, values.GetValueOrDefault("culture", "en-US"),
    values.GetValueOrDefault("references", "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToList());

if (!values.ContainsKey("assembly")) return Print(Console.Error, Usage, 2);
if (values.TryGetValue("scaffold", out var module) && values.TryGetValue("docs", out var folder))
    return Print(Console.Out, string.Join("\n", HelpGenerator.Scaffold(Options(folder), module).Select(p => $"Veo.HelpGen: wrote {p}; fill in every '{PageScaffold.Placeholder} ...}}'.")), 0);
if (values.TryGetValue("update-syntax", out var pages))
    return Print(Console.Out, string.Join("\n", HelpGenerator.UpdateSyntax(Options(pages)).Select(p => $"Veo.HelpGen: updated the syntax in {p}")), 0);
if (!values.TryGetValue("docs", out var docs) || !values.TryGetValue("out", out var output)) return Print(Console.Error, Usage, 2);
var result = HelpGenerator.Run(Options(docs, Path.GetFullPath(output)));
// MSBuild's Exec turns lines in the canonical "file(line): error CODE: message" form into build errors.
foreach (var diagnostic in result.Diagnostics) Console.Error.WriteLine(diagnostic);
return Print(Console.Out, string.Join("\n", result.Written.Select(f => $"Veo.HelpGen: wrote {f}")), result.Succeeded ? 0 : 1);

static int Print(TextWriter writer, string text, int exitCode)
{
    if (text.Length > 0) writer.WriteLine(text);
    return exitCode;
}
