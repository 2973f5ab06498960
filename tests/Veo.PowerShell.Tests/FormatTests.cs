using System.Xml.Linq;
using Veo.Core.Pricing;
using Veo.Core.Tasks;
using Veo.PowerShell.Commands;

namespace Veo.PowerShell.Tests;

public class FormatTests
{
    private static readonly XDocument Formats = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Veo.format.ps1xml"));

    [Theory]
    [InlineData(typeof(VideoTask), "Id", "Route", "Model", "Status")]
    [InlineData(typeof(VideoFile), "Name", "Resolution", "HasAudio")]
    [InlineData(typeof(PriceQuote), "Route", "Model", "Resolution", "Seconds", "Billing")]
    [InlineData(typeof(VeoRouteInfo), "Name", "Dialect", "BaseUri", "KeySource")]
    public void Each_output_type_has_a_table_of_real_properties(Type type, params string[] columns)
    {
        var table = Views(type).Single(v => v.Element("TableControl") is not null);
        var properties = table.Descendants("PropertyName").Select(p => p.Value).ToList();
        Assert.All(columns, c => Assert.Contains(c, properties));
        Assert.All(properties, p => Assert.NotNull(type.GetProperty(p)));
    }

    [Theory]
    [InlineData(typeof(VideoTask))]
    [InlineData(typeof(VideoFile))]
    [InlineData(typeof(PriceQuote))]
    public void Each_main_type_has_a_list_view_of_real_properties(Type type)
    {
        var list = Views(type).Single(v => v.Element("ListControl") is not null);
        Assert.All(list.Descendants("PropertyName").Select(p => p.Value), p => Assert.NotNull(type.GetProperty(p)));
    }

    private static IEnumerable<XElement> Views(Type type) =>
        Formats.Descendants("View").Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type.FullName);
}
