using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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

    public static bool Owns(EmulatorRequest request) => DialectErrors.StartsWithSegment(request.Path, Prefix);

    public static void Map(RouteTable app, EmulatorState state)
    {
        app.MapPost($"{Prefix}/clock/advance", request =>
        {
            var seconds = request.Query("seconds");
            if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0
                || double.IsNaN(value) || double.IsInfinity(value))
                return Refuse("Pass ?seconds=N with N a non-negative number.");
            state.Clock.Advance(TimeSpan.FromSeconds(value));
            var now = state.Clock.Now;
            return Wire.Json(new JsonObject { ["now"] = now.ToUnixTimeSeconds(), ["now_iso"] = now.ToString("O") });
        });

        app.MapGet($"{Prefix}/requests", _ => Serialized(state.Log.Snapshot()));
        app.MapDelete($"{Prefix}/requests", _ =>
        {
            state.Log.Clear();
            return Responses.NoContent();
        });

        app.MapGet($"{Prefix}/tasks", _ => Serialized(state.Tasks.Snapshot()));

        app.MapPost($"{Prefix}/faults", request =>
        {
            FaultRequest? asked;
            try
            {
                asked = JsonSerializer.Deserialize<FaultRequest>(request.ReadBody.Bytes, Json);
            }
            catch (JsonException e)
            {
                return Refuse($"The body is not a fault: {e.Message}");
            }
            if (asked?.Kind is not { } kind) return Refuse("A fault needs a kind, e.g. {\"kind\":\"RateLimit\",\"retryAfterSeconds\":2}.");

            var fault = asked.ToFault(kind);
            try
            {
                state.Faults.Add(fault);
            }
            catch (ArgumentException e)
            {
                return Refuse(e.Message);
            }
            return Serialized(FaultRequest.From(fault), 201);
        });
        app.MapDelete($"{Prefix}/faults", _ =>
        {
            state.Faults.Clear();
            return Responses.NoContent();
        });
    }

    private static EmulatorResponse Serialized<T>(T value, int statusCode = 200) =>
        EmulatorResponse.FromBytes(statusCode, "application/json", JsonSerializer.SerializeToUtf8Bytes(value, Json));

    private static EmulatorResponse Refuse(string message) =>
        Wire.Json(new JsonObject { ["error"] = message }, 400);

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
