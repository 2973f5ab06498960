using System.Globalization;
using Veo.Core.Pricing;
using Veo.Core.Routes;

namespace Veo.Core.Requests;

/// <summary>A request checked for a route and priced: what would be sent, and what it would cost, before anything is.</summary>
public sealed record VideoPlan(PreparedRequest Prepared, PriceQuote? Quote)
{
    /// <summary>What the request would cost; null where the price book has no price for it.</summary>
    public decimal? Cost => Quote?.Cost;

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
                : r.Edit is { } edited ? $" of {edited.TaskId}" : "";
            // What is bought beyond one video with sound is said, since it changes the bill: "4 videos", "silent".
            var extras = (r.VideoCount > 1 ? $", {r.VideoCount} videos" : "") + (r.GenerateAudio == false ? ", silent" : "");
            return string.Format(CultureInfo.InvariantCulture, "{0}{1} {2} s {3} {4}{5} with {6} on {7}, estimated cost {8}",
                r.Mode, extends, r.DurationSeconds, r.Resolution, r.AspectRatio, extras, Prepared.Model.Id, Route.Name, Cost is null ? "unknown" : SpendingGuard.Money(Cost.Value));
        }
    }
}
