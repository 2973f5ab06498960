using System.Management.Automation;
using static Veo.HelpGen.CmdletReader;

namespace Veo.HelpGen;

/// <summary>
/// Holds a cmdlet page to what the code declares: the same parameters with the same type, aliases, sets,
/// position, mandatoriness and pipeline binding; a syntax block per set reading what Get-Command -Syntax prints;
/// every [OutputType] under ## OUTPUTS. Help that drifts from the code fails the build rather than misleading a user.
/// </summary>
public static class DocCheck
{
    public static IEnumerable<Diagnostic> Check(CommandDoc doc, CmdletInfo cmdlet)
    {
        Diagnostic At(int line, string message) => new(doc.Path, line, message);
        var who = $"{cmdlet.Name} ({cmdlet.ImplementingType.FullName})";
        var parameters = ParametersOf(cmdlet).ToList();
        if (!doc.Name.Equals(cmdlet.Name, StringComparison.Ordinal)) yield return At(doc.NameLine, $"The title is '# {doc.Name}'; the cmdlet is {cmdlet.Name}.");

        foreach (var documented in doc.Parameters)
        {
            if (parameters.FirstOrDefault(p => p.Name.Equals(documented.Name, StringComparison.OrdinalIgnoreCase)) is { } actual)
                foreach (var (line, problem) in Compare(documented, actual).Distinct()) yield return At(line, $"-{actual.Name}: {problem}");
            else
                yield return At(documented.Line, $"-{documented.Name} is documented, but {who} has no parameter named {documented.Name}. " +
                                                 $"Its parameters are: {string.Join(", ", parameters.Select(p => "-" + p.Name))}.");
        }
        foreach (var missing in ShownParametersOf(cmdlet).Where(p => !doc.Parameters.Any(d => d.Name.Equals(p.Name, StringComparison.OrdinalIgnoreCase))))
            yield return At(doc.NameLine, $"{who} has a parameter -{missing.Name} <{TypeName(missing)}> that the page does not document: add a '### -{missing.Name}' section under ## PARAMETERS.");

        foreach (var (line, problem) in CompareSyntax(doc, cmdlet)) yield return At(line, problem);
        foreach (var output in OutputTypes(cmdlet).Where(t => !doc.Outputs.Any(o => o.Name.Equals(t, StringComparison.Ordinal))))
            yield return At(doc.NameLine, $"{cmdlet.Name} declares [OutputType({output})], but ## OUTPUTS has no '### {output}'.");
    }

    /// <summary>Each yaml block reads what the scaffold would write for the sets it names, its default value aside.</summary>
    private static IEnumerable<(int Line, string Message)> Compare(ParameterDoc documented, ParameterMetadata actual)
    {
        if (!documented.Name.Equals(actual.Name, StringComparison.Ordinal)) yield return (documented.Line, $"the heading spells it '-{documented.Name}'.");
        var documentedSets = documented.Blocks.SelectMany(b => b.Sets).ToList();
        if (!SameNames(documentedSets, actual.ParameterSets.Keys))
        {
            string Display(IEnumerable<string> sets) => string.Join(", ", sets.Select(s => s == AllSets ? ParameterYaml.AllSets : s));
            yield return (documented.Blocks[0].Fields["Parameter Sets"].Line, $"'Parameter Sets: {Display(documentedSets)}' should be 'Parameter Sets: {Display(actual.ParameterSets.Keys)}'.");
            yield break;
        }
        foreach (var (set, binding) in actual.ParameterSets)
        {
            var block = documented.Blocks.First(b => b.Sets.Contains(set, StringComparer.OrdinalIgnoreCase));
            var fields = PageScaffold.Fields(actual, binding, set);
            foreach (var extra in ParameterYaml.OptionalKeys.Where(k => block.Fields.ContainsKey(k) && !fields.Any(f => f.Key == k)))
                yield return (block.Fields[extra].Line, $"'{extra}:' belongs only to a parameter with a [ValidateSet] (or the module's [OneOf]); -{actual.Name} has none.");
            foreach (var (key, expected) in fields.Where(f => f.Key is not ("Parameter Sets" or "Default value")))
            {
                if (!block.Fields.ContainsKey(key))
                {
                    yield return (block.Fields["Type"].Line, $"The yaml block has no '{key}: {expected}' line.");
                    continue;
                }
                if (SameNames(Words(block[key]), Words(expected))) continue;
                var where = actual.ParameterSets.Count > 1 && key is "Required" or "Position" or "Accept pipeline input" ? $" in set {set}" : "";
                yield return (block.Fields[key].Line, $"'{key}: {block[key]}' should be '{key}: {expected}'{where}.");
            }
        }
    }

    /// <summary>"True (ByValue, ByPropertyName)" and "True (ByPropertyName, ByValue)" say the same; so do aliases in any order.</summary>
    private static IEnumerable<string> Words(string value) => value.Split([',', '(', ')', ' '], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Each set as Get-Command -Syntax prints it, with the page's block for it (null when there is none).</summary>
    public static IEnumerable<(CommandParameterSetInfo Set, string? Heading, string Text, SyntaxDoc? Block)> SyntaxBlocks(CommandDoc doc, CmdletInfo cmdlet)
        => Syntax(cmdlet).Select(s => (s.Set, s.Heading, s.Text, doc.Syntax.FirstOrDefault(b => s.Heading is null
            ? b.SetName is null : string.Equals(b.SetName, s.Set.Name, StringComparison.OrdinalIgnoreCase))));

    /// <summary>Each set's block reads what Get-Command -Syntax prints for it, in the order it prints them.</summary>
    private static IEnumerable<(int Line, string Message)> CompareSyntax(CommandDoc doc, CmdletInfo cmdlet)
    {
        var (sets, blocks) = (cmdlet.ParameterSets.Select(s => s.Name).ToList(), SyntaxBlocks(doc, cmdlet).ToList());
        var single = blocks[0].Heading is null;
        foreach (var (set, heading, text, block) in blocks)
        {
            if (block is null)
                yield return (doc.NameLine, $"## SYNTAX has no block for {(single ? "the cmdlet" : $"parameter set {set.Name}")}; add{(single ? "" : $" '{heading}' and")} a code block with: {text}");
            else if (MarkdownParser.OneLine(block.Text) != text) yield return (block.Line, $"The syntax{(single ? "" : $" of set {set.Name}")} should read: {text}");
            else if (!single && block.IsDefault != set.IsDefault) yield return (block.Line, $"The heading should be '{heading}'.");
        }
        var found = blocks.Select(b => b.Block).OfType<SyntaxDoc>().ToList();
        if (!found.OrderBy(b => b.Line).SequenceEqual(found))
            yield return (found.Min(b => b.Line), $"## SYNTAX should list the sets in the order Get-Command -Syntax prints them: {string.Join(", ", sets)}.");
        foreach (var extra in doc.Syntax.Where(s => single ? s.SetName is not null : !sets.Contains(s.SetName ?? "", StringComparer.OrdinalIgnoreCase)))
            yield return (extra.Line, single
                ? $"{cmdlet.Name} has one parameter set: drop the '### {extra.SetName}' heading."
                : $"{cmdlet.Name} has no parameter set '{extra.SetName ?? "(no heading)"}'; its sets are {string.Join(", ", sets)}.");
    }

    private static bool SameNames(IEnumerable<string> a, IEnumerable<string> b) => new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(b) && a.Count() == b.Count();
}
