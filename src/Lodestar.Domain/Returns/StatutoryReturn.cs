namespace Lodestar.Domain.Returns;

/// <summary>The statutory returns Lodestar reads: what a submission is, and what a council's files are read as.</summary>
public enum StatutoryReturn
{
    /// <summary>The SSDA903 return on children looked after.</summary>
    Ssda903,

    /// <summary>The Children in Need census.</summary>
    Cin,

    /// <summary>Ofsted's ILACS Annex A lists (not a DfE return, stored and confirmed like one; stored as text, so no migration).</summary>
    AnnexA,
}

/// <summary>How people and files name each <see cref="StatutoryReturn"/>.</summary>
public static class StatutoryReturns
{
    /// <summary>"SSDA903", "CIN census", "Annex A".</summary>
    public static string Label(this StatutoryReturn statutoryReturn) => statutoryReturn switch
    {
        StatutoryReturn.Ssda903 => "SSDA903",
        StatutoryReturn.Cin => "CIN census",
        _ => "Annex A",
    };

    /// <summary>The code the API and JSON output write: ssda903, cin, annex_a.</summary>
    public static string Code(this StatutoryReturn statutoryReturn) => statutoryReturn switch
    {
        StatutoryReturn.Ssda903 => "ssda903",
        StatutoryReturn.Cin => "cin",
        _ => "annex_a",
    };
}
