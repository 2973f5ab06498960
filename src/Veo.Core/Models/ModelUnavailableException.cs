using System.Globalization;
using Veo.Core.Http;

namespace Veo.Core.Models;

/// <summary>
/// The model cannot be used: the catalog says it was shut down (refused before any call), or the service answered that
/// it does not exist or is gone (nothing was made: the create is journaled as refused, never sent again). Names the
/// replacement where the catalog knows one.
/// </summary>
public sealed class ModelUnavailableException : Exception
{
    private ModelUnavailableException(string message, ModelEntry model, Exception? answer) : base(message, answer)
    {
        Route = model.Route;
        Model = model.Id;
        Replacement = model.Replacement;
    }

    public string Route { get; }
    public string Model { get; }

    /// <summary>The id the catalog says to use instead, on the same route; null when it knows none.</summary>
    public string? Replacement { get; }

    /// <summary>The service's own answer; null when the catalog refused before any call.</summary>
    public ApiException? Answer => InnerException as ApiException;

    /// <summary>The catalog's refusal of a shut-down model: its date, where that is from, and what to use instead.</summary>
    internal static ModelUnavailableException ShutDown(ModelEntry model, string route) => new(
        string.Format(CultureInfo.InvariantCulture, "Model {0} on route {1} was shut down on {2:yyyy-MM-dd} (source: {3}). {4} Nothing was sent.",
            model.Id, route, model.ShutDownOn ?? model.DeprecatedOn, model.Source, Instead(model, route)),
        model with { Route = route }, null);

    /// <summary>A service's answer that the model does not exist or is gone, said with what to do instead.</summary>
    internal static ModelUnavailableException Answered(ApiException answer, ModelEntry model, string route) => new(
        $"{route} does not serve model {model.Id} (it answered {(int)answer.StatusCode}{(answer.ErrorCode is null ? "" : " " + answer.ErrorCode)}: " +
        $"{answer.ServerMessage}). {Instead(model, route)} Nothing was made; the journal holds the create as refused.",
        model with { Route = route }, answer);

    /// <summary>The same refusal for a later request of the session, said before any call: the service already answered.</summary>
    internal ModelUnavailableException Again() => new(
        $"{Route} does not serve model {Model}: it answered so earlier in this session ({(int)Answer!.StatusCode}{(Answer.ErrorCode is null ? "" : " " + Answer.ErrorCode)}: " +
        $"{Answer.ServerMessage}). {(Replacement is { } replacement ? $"Use -Model {replacement} instead." : $"Get-VeoModel -Route {Route} -Live lists what the route serves now.")} Nothing was sent.",
        new ModelEntry { Route = Route, Id = Model, Replacement = Replacement }, Answer);

    private static string Instead(ModelEntry model, string route)
    {
        var note = model.Note is null ? "" : $" ({model.Note})";
        return model.Replacement is { } replacement
            ? $"Use -Model {replacement} instead{note}."
            : $"Get-VeoModel -Route {route} -Live lists what the route serves now{note}.";
    }
}
