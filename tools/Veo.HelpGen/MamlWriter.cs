using System.Management.Automation;
using System.Xml.Linq;
using static Veo.HelpGen.CmdletReader;

namespace Veo.HelpGen;

/// <summary>
/// The MAML that Get-Help reads for a binary module (&lt;assembly&gt;.dll-Help.xml): a helpItems root in the
/// "http://msh" namespace holding one command:command per cmdlet, laid out the way platyPS writes it.
/// Bindings (type, sets, position, pipeline, aliases) come from the code, which the docs were checked against;
/// the words come from the docs.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    // The prefixes platyPS declares on every command:command element.
    private static readonly (string Prefix, XNamespace Uri)[] Prefixes =
        [("maml", Maml), ("command", Command), ("dev", Dev), ("MSHelp", "http://msdn.microsoft.com/mshelp")];

    public static XDocument Write(IEnumerable<(CmdletInfo Cmdlet, CommandDoc Doc)> commands) =>
        new(new XDeclaration("1.0", "utf-8", null), new XElement((XNamespace)"http://msh" + "helpItems", new XAttribute("schema", "maml"),
            commands.OrderBy(c => c.Cmdlet.Name, StringComparer.OrdinalIgnoreCase).Select(c => CommandElement(c.Cmdlet, c.Doc))));

    private static XElement CommandElement(CmdletInfo cmdlet, CommandDoc doc)
    {
        ParameterDoc? DocOf(ParameterMetadata p) => doc.Parameters.FirstOrDefault(d => d.Name.Equals(p.Name, StringComparison.OrdinalIgnoreCase));
        return new(Command + "command",
            Prefixes.Select(p => new XAttribute(XNamespace.Xmlns + p.Prefix, p.Uri.NamespaceName)),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description([doc.Synopsis])),
            Description(doc.Description),
            // Each set's parameters in the order, and with the value types, that Get-Command -Syntax shows, so Get-Help's syntax reads the same.
            new XElement(Command + "syntax", cmdlet.ParameterSets.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", cmdlet.Name),
                from token in SyntaxParameters(set)
                let parameter = ParametersOf(cmdlet).FirstOrDefault(p => p.Name.Equals(token.Name, StringComparison.OrdinalIgnoreCase))
                let binding = parameter?.ParameterSets.GetValueOrDefault(set.Name) ?? parameter?.ParameterSets.GetValueOrDefault(AllSets)
                where binding is not null
                select Parameter(parameter, DocOf(parameter), [binding], token.ValueType)))),
            // In the page's order, which is the order the author meant them to be read in; across its sets, required only if required in every one.
            new XElement(Command + "parameters", ShownParametersOf(cmdlet).OrderBy(p => DocOf(p)?.Line ?? int.MaxValue)
                .Select(p => Parameter(p, DocOf(p), p.ParameterSets.Values, TypeName(p)))),
            new XElement(Command + "inputTypes", doc.Inputs.Select(t => TypeEntry("inputType", t))),
            new XElement(Command + "returnValues", doc.Outputs.Select(t => TypeEntry("returnValue", t))),
            doc.Notes.Count == 0 ? null : new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(doc.Notes))),
            new XElement(Command + "examples", doc.Examples.Select(example => new XElement(Command + "example",
                new XElement(Maml + "title", $"---------- {example.Title} ----------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", Paragraphs(example.Remarks))))),
            new XElement(Command + "relatedLinks",
                doc.OnlineVersion is null ? null : Link("Online Version:", doc.OnlineVersion),
                doc.Links.Select(l => Link(l.Text, MarkdownParser.IsAbsolute(l.Uri) ? l.Uri : ""))));
    }

    /// <param name="valueType">The type shown for the value; null for none (a switch in a syntax item).</param>
    /// <remarks>XAttribute writes a bool as XmlConvert does: "true", "false".</remarks>
    private static XElement Parameter(ParameterMetadata parameter, ParameterDoc? doc, IReadOnlyCollection<ParameterSetMetadata> bindings, string? valueType)
        => new(Command + "parameter",
            new XAttribute("required", bindings.All(b => b.IsMandatory)),
            new XAttribute("variableLength", parameter.ParameterType.IsArray),
            new XAttribute("globbing", SupportsWildcards(parameter)),
            new XAttribute("pipelineInput", Pipeline(bindings)),
            new XAttribute("position", bindings.Select(Position).FirstOrDefault(p => p is not null) ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(doc?.Description ?? []),
            valueType is null ? null : new XElement(Command + "parameterValue",
                new XAttribute("required", !parameter.SwitchParameter), new XAttribute("variableLength", parameter.ParameterType.IsArray), valueType),
            new XElement(Dev + "type", new XElement(Maml + "name", TypeName(parameter)), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", doc?.Blocks[0]["Default value"] is { Length: > 0 } value ? value : "None"));

    private static XElement TypeEntry(string element, TypeDoc type) =>
        new(Command + element, new XElement(Dev + "type", new XElement(Maml + "name", type.Name)), Description(type.Description));

    private static XElement Link(string text, string uri) => new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));
}
