namespace Veo.Core.Pricing;

/// <summary>Which prices <see cref="PriceBook.Table"/> lists; every filter left null means "all".</summary>
public sealed record PriceQuery
{
    public string? Route { get; init; }

    /// <summary>A model family or any route's model id for it.</summary>
    public string? Model { get; init; }

    /// <summary>Seconds per video; 8 because that is the only length 1080p and 4K come in.</summary>
    public int Duration { get; init; } = 8;

    /// <summary>One resolution, or null for each of 720p, 1080p and 4k.</summary>
    public string? Resolution { get; init; }

    public int Count { get; init; } = 1;

    /// <summary>False lists the prices of silent videos (the routes that can make one); true those with sound.</summary>
    public bool Audio { get; init; } = true;
}
