namespace Veo.Core.Pricing;

/// <summary>How a route charges for one generated video.</summary>
/// <remarks>Based on long so ConvertTo-Json writes its name: see <see cref="Veo.Core.Tasks.VideoTaskStatus"/>.</remarks>
public enum Billing : long
{
    /// <summary>One price per video, whatever its duration and resolution.</summary>
    PerCall,

    /// <summary>A price for each generated second.</summary>
    PerSecond,
}
