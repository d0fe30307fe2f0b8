namespace Kessan.LocalCloud.Simulator.Traffic;

/// <summary>The names the seed's backend uses for what it records (BusinessMetrics and the dashboards).</summary>
public static class KessanBackend
{
    public const string StockSearch = "/stocks/search";
    public const string StockDetail = "/stocks/{ticker}";
    public const string AnalysisGeneration = "/analysis/{ticker}/generate";
    public const string Watchlist = "/watchlist";

    public static readonly IReadOnlyList<string> Endpoints = [StockSearch, StockDetail, AnalysisGeneration, Watchlist];

    public static readonly IReadOnlyList<string> RegistrationMethods = ["email", "google", "line"];

    public static readonly IReadOnlyList<string> AnalysisTypes = ["comprehensive", "short_term", "mid_term", "long_term"];

    /// <summary>Tokyo Stock Exchange codes users look at most (Toyota, Sony, SoftBank Group, Keyence, MUFG, NTT,
    /// Hitachi, Nintendo, Tokyo Electron, Fast Retailing, Recruit, Shin-Etsu); the first ones the most.</summary>
    public static readonly IReadOnlyList<string> Tickers =
        ["7203", "6758", "9984", "6861", "8306", "9432", "6501", "7974", "8035", "9983", "6098", "4063"];
}
