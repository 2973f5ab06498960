using System.Globalization;
using Veo.Core.Http;
using Veo.Core.Routes;

namespace Veo.Core.Models;

/// <summary>What a model's place in its life means for a request: refused, warned about, or nothing.</summary>
public static class ModelLifecycle
{
    /// <summary>Shut down, or deprecated with a shut-down date that has come.</summary>
    public static bool IsShutDown(ModelEntry model, DateTime today) =>
        model.Status == ModelStatus.ShutDown || (model.ShutDownOn is { } off && off.Date <= today.Date);

    /// <summary>The warning a deprecated model earns (once a session); null for a live or shut-down one.</summary>
    public static string? Warning(ModelEntry model, string route, DateTime today)
    {
        if (model.Status != ModelStatus.Deprecated || IsShutDown(model, today)) return null;
        var since = model.DeprecatedOn is { } on ? string.Format(CultureInfo.InvariantCulture, " since {0:yyyy-MM-dd}", on) : "";
        var until = model.ShutDownOn is { } off ? string.Format(CultureInfo.InvariantCulture, " and shuts down on {0:yyyy-MM-dd}", off) : "";
        var instead = model.Replacement is { } replacement ? $" Use -Model {replacement} before then." : "";
        return $"Model {model.Id} on route {route} is deprecated{since}{until} (source: {model.Source}).{instead}";
    }

    /// <summary>Throws the catalog's refusal when the model is shut down: before any call, -WhatIf included.</summary>
    /// <exception cref="ModelUnavailableException">The model is shut down.</exception>
    internal static void EnsureServed(ModelEntry model, string route, DateTime today)
    {
        if (IsShutDown(model, today)) throw ModelUnavailableException.ShutDown(model, route);
    }

    /// <summary>
    /// The service's answer to a create, as <see cref="ModelUnavailableException"/> when it says the model does not exist
    /// or is gone; null for any other refusal.
    /// </summary>
    internal static ModelUnavailableException? Unavailable(ApiException answer, Dialect dialect, ModelEntry model, string route) =>
        SaysModelIsGone(answer, dialect, model.Id) ? ModelUnavailableException.Answered(answer, model, route) : null;

    /// <summary>
    /// Google (Gemini API, Vertex AI): 404 NOT_FOUND, {"error":{"code":404,"message":"models/gemini-pro is not found for API
    /// version v1beta, or is not supported for generateContent. Call ListModels ...","status":"NOT_FOUND"}} (quoted in
    /// karthink/gptel#667, 2025-02-26; python-genai tests/shared/models/test_generate_videos.py has the same sentence for
    /// models/veo-3.1-lite-generate-001 and predictLongRunning), or a retired model's "... is no longer available"
    /// (goruck/home-generative-agent#575, 2026-08-26). Any other 404 (a project or location that does not exist on
    /// Vertex AI) is not about the model unless it names it.
    /// new-api, which the gateways run (QuantumNous/new-api): middleware/distributor.go Distribute answers a model no
    /// channel serves with abortWithOpenAiMessage(c, 503, ..., types.ErrorCodeModelNotFound), i.e.
    /// {"error":{"message":"No available channel for model X under group G (distributor)","type":"new_api_error",
    /// "code":"model_not_found"}} (i18n/locales/en.yaml distributor.no_available_channel and distributor.get_channel_failed
    /// "Failed to get available channel for model X under group G (distributor): ..."; zh-CN "... 无可用渠道");
    /// types/error.go ErrorCodeModelNotFound = "model_not_found", also used for an upstream's 404 (relay adaptors).
    /// </summary>
    internal static bool SaysModelIsGone(ApiException answer, Dialect dialect, string modelId)
    {
        var message = answer.ServerMessage ?? "";
        bool Says(string text) => message.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;
        return dialect switch
        {
            Dialect.Gemini or Dialect.Vertex or Dialect.Interactions => (int)answer.StatusCode == 404
                && (Says("is not found for API version") || Says("is no longer available") || Says(modelId)),
            _ => string.Equals(answer.ErrorCode, "model_not_found", StringComparison.OrdinalIgnoreCase)
                || Says("No available channel for model") || Says("无可用渠道"),
        };
    }
}
