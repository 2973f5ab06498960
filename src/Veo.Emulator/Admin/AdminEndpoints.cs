using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Veo.Emulator;

/// <summary>
/// Control endpoints for people driving the emulator from outside the process (Pester, demos). No auth:
/// the emulator only listens on 127.0.0.1. They are not logged and never faulted.
/// </summary>
internal static class AdminEndpoints
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new(Wire.Options)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapPost($"{Prefix}/clock/advance", (string? seconds) =>
        {
            if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
                return Refuse("Pass ?seconds=N with N a non-negative number.");
            state.Clock.Advance(TimeSpan.FromSeconds(value));
            var now = state.Clock.Now;
            return Wire.Json(new JsonObject { ["now"] = now.ToUnixTimeSeconds(), ["now_iso"] = now.ToString("O") });
        });

        app.MapGet($"{Prefix}/requests", () =>
            Results.Content(JsonSerializer.Serialize(state.Log.Snapshot(), Json), "application/json"));
        app.MapDelete($"{Prefix}/requests", () =>
        {
            state.Log.Clear();
            return Results.NoContent();
        });

        app.MapGet($"{Prefix}/tasks", () =>
            Results.Content(JsonSerializer.Serialize(state.Tasks.Snapshot(), Json), "application/json"));

        app.MapPost($"{Prefix}/faults", async (HttpContext context) =>
        {
            FaultRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<FaultRequest>(context.Request.Body, Json, context.RequestAborted);
            }
            catch (JsonException e)
            {
                return Refuse($"The body is not a fault: {e.Message}");
            }
            if (request?.Kind is not { } kind) return Refuse("A fault needs a kind, e.g. {\"kind\":\"RateLimit\",\"retryAfterSeconds\":2}.");

            var fault = request.ToFault(kind);
            try
            {
                state.Faults.Add(fault);
            }
            catch (ArgumentException e)
            {
                return Refuse(e.Message);
            }
            return Results.Content(JsonSerializer.Serialize(FaultRequest.From(fault), Json), "application/json",
                statusCode: StatusCodes.Status201Created);
        });
        app.MapDelete($"{Prefix}/faults", () =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
    }

    private static IResult Refuse(string message) =>
        Wire.Json(new JsonObject { ["error"] = message }, StatusCodes.Status400BadRequest);

    /// <summary>A fault as JSON: durations in seconds, which is easier to write from a shell than TimeSpan text.</summary>
    private sealed record FaultRequest(
        FaultKind? Kind,
        string? PathContains,
        int? Times,
        double? Probability,
        int? StatusCode,
        double? RetryAfterSeconds,
        double? DelaySeconds,
        string? ErrorMessage)
    {
        public Fault ToFault(FaultKind kind) => new(kind, PathContains, Times ?? 1, Probability ?? 1.0)
        {
            StatusCode = StatusCode ?? 500,
            RetryAfter = RetryAfterSeconds is { } retry ? TimeSpan.FromSeconds(retry) : null,
            Delay = DelaySeconds is { } delay ? TimeSpan.FromSeconds(delay) : null,
            ErrorMessage = ErrorMessage,
        };

        public static FaultRequest From(Fault fault) => new(fault.Kind, fault.PathContains, fault.Times, fault.Probability,
            fault.StatusCode, fault.RetryAfter?.TotalSeconds, fault.Delay?.TotalSeconds, fault.ErrorMessage);
    }
}
