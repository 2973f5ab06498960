using System.Globalization;
using Veo.Core.Pricing;
using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>A request checked for a route and priced: what would be sent, and what it would cost, before anything is.</summary>
public sealed record VideoPlan(PreparedRequest Prepared, decimal? Cost)
{
    public VideoRoute Route => Prepared.Route;
    public IReadOnlyList<string> Warnings => Prepared.Warnings;

    /// <summary>"TextToVideo 8 s 720p 16:9 with veo-3.1-fast-generate-preview on LaoZhang, estimated cost $0.30".</summary>
    public string Summary
    {
        get
        {
            var r = Prepared.Request;
            var extends = r.Extend is { } source
                ? string.Format(CultureInfo.InvariantCulture, " of {0}{1}", source.TaskId, r.OutputSeconds is { } total ? $" ({total} s in all)" : "")
                : "";
            return string.Format(CultureInfo.InvariantCulture, "{0}{1} {2} s {3} {4} with {5} on {6}, estimated cost {7}",
                r.Mode, extends, r.DurationSeconds, r.Resolution, r.AspectRatio, Prepared.Model.WireId, Route.Name, Cost is null ? "unknown" : SpendingGuard.Money(Cost.Value));
        }
    }
}
