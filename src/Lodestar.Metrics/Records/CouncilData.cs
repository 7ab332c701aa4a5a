namespace Lodestar.Metrics.Records;

/// <summary>One council's child-level records: its 903, its CIN census and its Ofsted Annex A lists, any of which may be absent.</summary>
public sealed record CouncilData(string CouncilCode, Ssda903Data? Ssda903, CinData? Cin, AnnexAData? AnnexA = null);
