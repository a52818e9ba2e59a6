namespace PublisherPortal.DevProviders.Readers;

/// <summary>A plan a stand-in sells: a Pliro/PiPA plan slug or a Subrite package id, with its display name.</summary>
internal sealed record PlanOffer(string Key, string Name, string Blurb);
