namespace Veo.Core.Pricing;

/// <summary>How a route charges for one generated video.</summary>
public enum Billing
{
    /// <summary>One price per video, whatever its duration and resolution.</summary>
    PerCall,

    /// <summary>A price for each generated second.</summary>
    PerSecond,
}
