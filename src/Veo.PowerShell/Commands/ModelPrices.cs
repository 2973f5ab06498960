using System.Globalization;
using Veo.Core.Models;
using Veo.Core.Pricing;
using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Commands;

/// <summary>
/// A model's unit price as Get-VeoModel's table shows it, from the session's price book. Not a property of the row, so
/// a row saved as JSON stays a models.json entry; public because the format file's script block calls it.
/// </summary>
public static class ModelPrices
{
    /// <summary>"$0.10/s", "from $0.15/s" when it varies by resolution, "$0.30/call", or "unknown".</summary>
    public static string UnitPrice(ModelEntry model)
    {
        var rows = RunspaceSessions.Current.Prices.Rows
            .Where(r => string.Equals(r.Route, model.Route, StringComparison.OrdinalIgnoreCase) && r.Model == ModelFamily.Of(model.Family) && r.Audio != false)
            .Where(r => r.Resolution is null || model.Resolutions.Contains(r.Resolution))
            .ToList();
        if (rows.Count == 0) return "unknown";
        var cheapest = rows.OrderBy(r => r.Price).First();
        var unit = cheapest.Billing == Billing.PerSecond ? "/s" : "/call";
        var price = cheapest.Currency == "USD" ? "$" + cheapest.Price.ToString("0.00##", CultureInfo.InvariantCulture)
            : cheapest.Price.ToString("0.00##", CultureInfo.InvariantCulture) + " " + cheapest.Currency;
        return (rows.Any(r => r.Price != cheapest.Price) ? "from " : "") + price + unit;
    }
}
