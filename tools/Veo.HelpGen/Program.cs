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

var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i < args.Length; i += 2)
{
    if (args[i] is "-h" or "--help" or "-?") return Print(Console.Out, Usage, 0);
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Length) return Print(Console.Error, $"Unexpected argument '{args[i]}'.\n{Usage}", 2);
    values[args[i][2..]] = args[i + 1];
}
string? Value(string name) => values.TryGetValue(name, out var value) ? value : null;
HelpOptions Options(string docs, string output = "") => new(Path.GetFullPath(Value("assembly")!), Path.GetFullPath(docs), output, Value("culture") ?? "en-US",
    (Value("references") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToList());
static int Print(TextWriter writer, string text, int exitCode)
{
    writer.WriteLine(text);
    return exitCode;
}

if (Value("assembly") is null) return Print(Console.Error, Usage, 2);
if (Value("scaffold") is { } module && Value("docs") is { } folder)
{
    foreach (var page in HelpGenerator.Scaffold(Options(folder), module)) Console.WriteLine($"Veo.HelpGen: wrote {page}; fill in every '{PageScaffold.Placeholder} ...}}'.");
    return 0;
}
if (Value("update-syntax") is { } pages)
{
    foreach (var page in HelpGenerator.UpdateSyntax(Options(pages))) Console.WriteLine($"Veo.HelpGen: updated the syntax in {page}");
    return 0;
}
if (Value("docs") is not { } docs || Value("out") is not { } output) return Print(Console.Error, Usage, 2);
var result = HelpGenerator.Run(Options(docs, Path.GetFullPath(output)));
// MSBuild's Exec turns lines in the canonical "file(line): error CODE: message" form into build errors.
foreach (var diagnostic in result.Diagnostics) Console.Error.WriteLine(diagnostic);
foreach (var file in result.Written) Console.WriteLine($"Veo.HelpGen: wrote {file}");
return result.Succeeded ? 0 : 1;
