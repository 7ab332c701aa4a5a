#!/usr/bin/env python3
"""Writes the record tables and builder methods in src/Lodestar.Metrics/Records from the table layouts below.

Rerun after changing a layout: python3 tools/generate-records.py. Keep changes additive (other code reads these columns)."""
import os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Lodestar.Metrics", "Records")
# column: (Name, type, fileColumn, doc); types: date code int flag list_code list_date
T903 = [
 ("Header", "Ssda903Headers", "Ssda903HeaderRow", "header", None, "the 903 Header table: one row per child per return", [
   ("Sex","code","SEX","1/2 (older years) or M/F/U"),("Dob","date","DOB","date of birth"),("Ethnic","code","ETHNIC","ethnicity"),
   ("Upn","code","UPN","unique pupil number"),("Mother","code","MOTHER","1 when the child is a mother, 0 when not"),("McDob","date","MC_DOB","date of birth of the child's own child"),
   ("Uasc","ocode","UASC","1 when the child is an unaccompanied asylum-seeking child, 0 when not; optional")]),
 ("Episodes", "Ssda903Episodes", "Ssda903EpisodeRow", "episode", "Decom", "the 903 Episodes table: one row per episode of care (one legal status and one placement)", [
   ("Decom","date","DECOM","date the episode started"),("Rne","code","RNE","reason for new episode"),("Ls","code","LS","legal status"),
   ("Cin","code","CIN","category of need"),("Place","code","PLACE","placement type"),("PlaceProvider","code","PLACE_PROVIDER","placement provider"),
   ("Dec","date","DEC","date the episode ceased"),("Rec","code","REC","reason the episode ceased"),("ReasonPlaceChange","code","REASON_PLACE_CHANGE","reason for placement change"),
   ("HomePost","code","HOME_POST","home postcode"),("PlPost","code","PL_POST","placement postcode"),("Urn","code","URN","Ofsted unique reference number of the placement")]),
 ("Reviews", "Ssda903Reviews", "Ssda903ReviewRow", "review", "Review", "the 903 Reviews table: one row per looked-after review", [
   ("Dob","date","DOB","date of birth"),("Review","date","REVIEW","date of the review"),("ReviewCode","code","REVIEW_CODE","participation code (PN0-PN7)")]),
 ("Uasc", "Ssda903Uasc", "Ssda903UascRow", "uasc", None, "the 903 UASC table: unaccompanied asylum-seeking children", [
   ("Sex","code","SEX","sex"),("Dob","date","DOB","date of birth"),("Duc","date","DUC","date the child ceased to be an unaccompanied asylum-seeking child")]),
 ("Oc2", "Ssda903Oc2", "Ssda903Oc2Row", "oc2", "Year", "the 903 OC2 table: outcomes for children looked after continuously for 12 months at 31 March", [
   ("Year","int",None,"collection year the row reports on (e.g. 2025); from the return, not a file column"),
   ("Dob","date","DOB","date of birth"),("SdqScore","int","SDQ_SCORE","strengths and difficulties questionnaire score"),("SdqReason","code","SDQ_REASON","reason no SDQ score (SDQ1-SDQ5)"),
   ("Convicted","code","CONVICTED","1 when convicted during the year"),("HealthCheck","code","HEALTH_CHECK","1 when health assessment up to date"),
   ("Immunisations","code","IMMUNISATIONS","1 when immunisations up to date"),("TeethCheck","code","TEETH_CHECK","1 when teeth checked"),
   ("HealthAssessment","code","HEALTH_ASSESSMENT","1 when annual health assessment done"),("SubstanceMisuse","code","SUBSTANCE_MISUSE","1 when substance misuse problem identified"),
   ("InterventionReceived","code","INTERVENTION_RECEIVED","1 when intervention received"),("InterventionOffered","code","INTERVENTION_OFFERED","1 when intervention offered")]),
 ("Oc3", "Ssda903Oc3", "Ssda903Oc3Row", "oc3", "Year", "the 903 OC3 table: care leavers around their 17th-21st birthdays", [
   ("Year","int",None,"collection year the row reports on (e.g. 2025); from the return, not a file column"),
   ("Dob","date","DOB","date of birth"),("InTouch","code","IN_TOUCH","YES, NO, DIED, REFU, NREQ, RHOM"),("Activ","code","ACTIV","main activity"),("Accom","code","ACCOM","accommodation and its suitability")]),
 ("Ad1", "Ssda903Ad1", "Ssda903Ad1Row", "ad1", None, "the 903 AD1 table: children adopted", [
   ("Dob","date","DOB","date of birth"),("DateInt","date","DATE_INT","date of the decision that the child should be placed for adoption"),
   ("DateMatch","date","DATE_MATCH","date matched with the adopters"),("FosterCare","code","FOSTER_CARE","1 when adopted by the foster carer"),
   ("NbAdoptr","code","NB_ADOPTR","number of adopters"),("SexAdoptr","code","SEX_ADOPTR","sex of the adopters (MM, FF, MF)"),("LsAdoptr","code","LS_ADOPTR","legal status of the adopters (L0-L4, L11, L12)")]),
 ("PlacedAdoption", "Ssda903PlacedAdoption", "Ssda903PlacedAdoptionRow", "placedAdoption", "DatePlaced", "the 903 PlacedAdoption table: decisions that a child should be placed for adoption", [
   ("Dob","date","DOB","date of birth"),("DatePlaced","date","DATE_PLACED","date of the decision that the child should be placed for adoption"),
   ("DatePlacedCeased","date","DATE_PLACED_CEASED","date the decision ceased"),("ReasonPlacedCeased","code","REASON_PLACED_CEASED","reason the decision ceased (RD1-RD4)")]),
 ("PrevPerm", "Ssda903PrevPerm", "Ssda903PrevPermRow", "prevPerm", None, "the 903 PrevPerm table: permanence before this period of care", [
   ("Dob","date","DOB","date of birth"),("PrevPerm","code","PREV_PERM","previous permanence option (P1-P4, Z1)"),("LaPerm","code","LA_PERM","council that granted it"),
   ("DatePerm","code","DATE_PERM","date it was granted, as written: the DfE allows 'zz' for an unknown day or month, so it is kept as text")]),
 ("Missing", "Ssda903Missing", "Ssda903MissingRow", "missing", "MisStart", "the 903 Missing table: periods missing or away from placement without authorisation", [
   ("Dob","date","DOB","date of birth"),("MissingType","code","MISSING","M missing, A away without authorisation"),("MisStart","date","MIS_START","start of the period"),("MisEnd","date","MIS_END","end of the period")]),
 ("SwEpisodes", "Ssda903SwEpisodes", "Ssda903SwEpisodeRow", "swEpisode", "SwDecom", "the 903 SWEpisodes table (from 2023/24): the child's social workers", [
   ("Dob","date","DOB","date of birth"),("SwId","code","SW_ID","social worker id"),("SwDecom","date","SW_DECOM","start of the social worker episode"),
   ("SwDec","date","SW_DEC","end of the social worker episode"),("SwReason","code","SW_REASON","reason for the change of social worker")]),
]
TCIN = [
 ("Children", "CinChildren", "CinChildRow", "child", None, False, "CIN children: one row per child per census (ChildIdentifiers and ChildCharacteristics)", [
   ("Upn","code","UPN","unique pupil number"),("UpnUnknown","code","UPNunknown","why the UPN is not given (UN1-UN10)"),("Dob","date","PersonBirthDate","date of birth"),("ExpectedDob","date","ExpectedPersonBirthDate","expected date of birth (unborn children)"),
   ("Sex","code","Sex","Sex (or the older GenderCurrent) as written: M/F/U or 0/1/2/9"),
   ("Death","date","PersonDeathDate","date of death"),("Ethnicity","code","Ethnicity","ethnicity"),("FormerUpn","code","FormerUPN","the child's former unique pupil number, when it changed"),("Disabilities","list_code","Disability","disability codes (NONE when none)")]),
 ("Referrals", "CinReferrals", "CinReferralRow", "referral", "ReferralDate", False, "CIN referrals (CINdetails): one row per referral", [
   ("ReferralDate","date","CINreferralDate","date of the referral"),("ReferralSource","code","ReferralSource","referral source"),("PrimaryNeed","code","PrimaryNeedCode","primary need N0-N9"),
   ("ClosureDate","date","CINclosureDate","date the episode of need closed"),("ReasonForClosure","code","ReasonForClosure","RC1-RC9"),
   ("InitialCpc","date","DateOfInitialCPC","date of the initial child protection conference on the referral"),("Nfa","flag","ReferralNFA","referral led to no further action")]),
 ("Assessments", "CinAssessments", "CinAssessmentRow", "assessment", "Start", True, "CIN assessments: rows belong to a referral", [
   ("Start","date","AssessmentActualStartDate","start of the assessment"),("InternalReview","date","AssessmentInternalReviewDate","internal review date"),
   ("Authorised","date","AssessmentAuthorisationDate","date the assessment was authorised (completed)"),("Factors","list_code","AssessmentFactors","factors identified at assessment")]),
 ("Plans", "CinPlans", "CinPlanRow", "plan", "Start", True, "CIN plans (CINPlanDates): rows belong to a referral", [
   ("Start","date","CINPlanStartDate","start of the plan"),("End","date","CINPlanEndDate","end of the plan")]),
 ("Section47s", "CinSection47s", "CinSection47Row", "section47", "Start", True, "CIN section 47 enquiries: rows belong to a referral", [
   ("Start","date","S47ActualStartDate","start of the enquiry"),("IcpcTarget","date","InitialCPCtarget","target date for the initial conference"),
   ("IcpcDate","date","DateOfInitialCPC","date of the initial child protection conference"),("IcpcNotRequired","flag","ICPCnotRequired","no conference was needed")]),
 ("ProtectionPlans", "CinProtectionPlans", "CinProtectionPlanRow", "protectionPlan", "Start", True, "CIN child protection plans: rows belong to a referral", [
   ("Start","date","CPPstartDate","start of the plan"),("End","date","CPPendDate","end of the plan"),("InitialCategory","code","InitialCategoryOfAbuse","NEG, PHY, SAB, EMO, MUL"),
   ("LatestCategory","code","LatestCategoryOfAbuse","NEG, PHY, SAB, EMO, MUL"),("PreviousPlans","int","NumberOfPreviousCPP","number of previous plans"),("BlankReviews","int",None,"how many review groups (Reviews) gave no CPPreviewDate; not a file column"),("ReviewDates","list_date","CPPreviewDate","review dates")]),
]

def ctype(t):
    return {"date":"int","code":"int","ocode":"int","int":"int","flag":"Flag"}[t]

def gen_table(cls, rowcls, doc, cols, sub, dataset):
    scalar = [c for c in cols if not c[1].startswith("list")]
    lists = [c for c in cols if c[1].startswith("list")]
    L = []
    L.append("// Generated by tools/generate-records.py (python3 tools/generate-records.py): edit the layout there and rerun.")
    L.append("namespace Lodestar.Metrics.Records;")
    L.append("")
    L.append(f"/// <summary>One row of {doc}, as readers hand it to the builder (the child{' and referral are' if sub else ' is'} given separately).</summary>")
    L.append("/// <remarks>Dates are day numbers and codes are ids in the dataset's <see cref=\"CodeTable\"/>; see <see cref=\"RecordValues\"/>.</remarks>")
    L.append(f"public struct {rowcls}")
    L.append("{")
    for (n,t,fc,d) in scalar:
        src = f" ({fc})" if fc else ""
        kind = {"date":"day number","code":"code id","ocode":"code id, or <see cref=\"CodeTable.NotGiven\"/> when the file has no such column","int":"number","flag":"flag"}[t]
        L.append(f"    /// <summary>{d[0].upper()+d[1:]}{src}: {kind}.</summary>")
        L.append(f"    public {ctype(t)} {n};")
        L.append("")
    if L[-1]=="": L.pop()
    L.append("")
    L.append(f"    /// <summary>A row with every field blank.</summary>")
    L.append(f"    public static {rowcls} Empty => new()")
    L.append("    {")
    for (n,t,fc,d) in scalar:
        if t in ("date","int"):
            L.append(f"        {n} = RecordValues.Blank,")
        elif t=="ocode":
            L.append(f"        {n} = CodeTable.NotGiven,")
    L.append("    };")
    L.append("}")
    L.append("")
    L.append(f"/// <summary>{doc[0].upper()+doc[1:]}, in columns.</summary>")
    L.append(f"public sealed partial class {cls} : {'ReferralTable' if sub else 'RecordTable'}")
    L.append("{")
    for (n,t,fc,d) in scalar:
        L.append(f"    private readonly {ctype(t)}[] _{n[0].lower()+n[1:]};")
    for (n,t,fc,d) in lists:
        pass
    L.append("")
    if sub:
        L.append(f"    internal {cls}(TableBuilder<{rowcls}>.Packed packed, int[] child, int[] childOffsets)")
        L.append("        : base(child, packed.Sources(), childOffsets, packed.Column(e => e.Group), packed.GroupOffsets)")
    else:
        L.append(f"    internal {cls}(TableBuilder<{rowcls}>.Packed packed)")
        L.append("        : base(packed.Column(e => e.Group), packed.Sources(), packed.GroupOffsets)")
    L.append("    {")
    L.append("        var rows = packed.Rows;")
    for (n,t,fc,d) in scalar:
        L.append(f"        _{n[0].lower()+n[1:]} = new {ctype(t)}[rows.Length];")
    L.append("        for (var i = 0; i < rows.Length; i++)")
    L.append("        {")
    L.append("            ref readonly var row = ref rows[i].Row;")
    for (n,t,fc,d) in scalar:
        L.append(f"            _{n[0].lower()+n[1:]}[i] = row.{n};")
    L.append("        }")
    for (n,t,fc,d) in lists:
        L.append(f"        {n} = packed.List;")
    L.append("    }")
    for (n,t,fc,d) in scalar:
        f = "_"+n[0].lower()+n[1:]
        src = f" ({fc})" if fc else ""
        kind = {"date":"day numbers (see <see cref=\"RecordValues\"/>)","code":"code ids","ocode":"code ids (<see cref=\"CodeTable.NotGiven\"/> where the file has no such column)","int":"numbers (see <see cref=\"RecordValues\"/>)","flag":"flags"}[t]
        L.append("")
        L.append(f"    /// <summary>{d[0].upper()+d[1:]}{src}, as {kind}.</summary>")
        L.append(f"    public ReadOnlySpan<{ctype(t)}> {n} => {f};")
        if t=="date":
            L.append("")
            L.append(f"    /// <summary>Row <paramref name=\"row\"/>'s {d}, or null when blank or invalid.</summary>")
            L.append(f"    public DateOnly? {n}At(int row) => RecordValues.Date({f}[row]);")
        elif t=="int":
            L.append("")
            L.append(f"    /// <summary>Row <paramref name=\"row\"/>'s {d}, or null when blank or invalid.</summary>")
            L.append(f"    public int? {n}At(int row) => RecordValues.NumberOrNull({f}[row]);")
    for (n,t,fc,d) in lists:
        kind = "code ids" if t=="list_code" else "day numbers"
        L.append("")
        L.append(f"    /// <summary>{d[0].upper()+d[1:]} ({fc}), a list per row, as {kind}.</summary>")
        L.append(f"    public ListColumn {n} {{ get; }}")
    L.append("}")
    open(os.path.join(OUT, cls + ".cs"), "w").write("\n".join(L) + "\n")

for (prop, cls, rowcls, meth, key, doc, cols) in T903:
    gen_table(cls, rowcls, doc, cols, False, "Ssda903Data")
for (prop, cls, rowcls, meth, key, sub, doc, cols) in TCIN:
    gen_table(cls, rowcls, doc, cols, sub, "CinData")

def param(n,t):
    p = n[0].lower()+n[1:]
    if p in ("dec","event"): pass
    return p

def pname(n):
    return {"PlaceProvider":"provider","MissingType":"missing"}.get(n, n[0].lower()+n[1:])

def friendly(meth, rowcls, cols, key, sub, addname, subparent=False):
    # returns lines for a fluent method
    L=[]
    ps=[]
    for (n,t,fc,d) in cols:
        p = param(n,t)
        ty = {"date":"DateOnly?","code":"string?","ocode":"string?","int":"int?","flag":"bool?","list_code":"IEnumerable<string>?","list_date":"IEnumerable<DateOnly>?"}[t]
        ps.append(f"{ty} {p} = null")
    return ps

def gen_builder(name, dataset, tables, doc, cin):
    L=[]
    L.append("// Generated by tools/generate-records.py (python3 tools/generate-records.py): edit the layout there and rerun.")
    L.append("namespace Lodestar.Metrics.Records;")
    L.append("")
    L.append(f"public sealed partial class {name}")
    L.append("{")
    for t in tables:
        if cin:
            (prop, cls, rowcls, meth, key, sub, tdoc, cols) = t
        else:
            (prop, cls, rowcls, meth, key, tdoc, cols) = t; sub=False
        L.append(f"    private readonly TableBuilder<{rowcls}> _{prop[0].lower()+prop[1:]} = new();")
    for t in tables:
        if cin:
            (prop, cls, rowcls, meth, key, sub, tdoc, cols) = t
        else:
            (prop, cls, rowcls, meth, key, tdoc, cols) = t; sub=False
        f = "_"+prop[0].lower()+prop[1:]
        scalar = [c for c in cols if not c[1].startswith("list")]
        lists = [c for c in cols if c[1].startswith("list")]
        keyexpr = f"row.{key}" if key else "0"
        Meth = meth[0].upper()+meth[1:]
        # low-level
        L.append("")
        if sub:
            L.append(f"    /// <summary>Adds a row ({tdoc}) to the referral with handle <paramref name=\"referral\"/> (from <see cref=\"AddReferral\"/>).</summary>")
            lp = ", ReadOnlySpan<int> " + (lists[0][0][0].lower()+lists[0][0][1:]) if lists else ""
            L.append(f"    public {name} Add{Meth}(int referral, in {rowcls} row{lp}, SourceLocation at)")
            L.append("    {")
            L.append("        CheckReferral(referral);")
            la = ", "+(lists[0][0][0].lower()+lists[0][0][1:]) if lists else ""
            L.append(f"        {f}.Add(referral, {keyexpr}, row, at{la});")
            L.append("        return this;")
            L.append("    }")
        else:
            ret = "int" if prop=="Referrals" else name
            L.append(f"    /// <summary>Adds a row of {tdoc} for child <paramref name=\"child\"/> (from <see cref=\"DatasetBuilder.ChildNumber(string)\"/>).{' Returns the referral handle that its assessments, plans and enquiries are added to.' if prop=='Referrals' else ''}</summary>")
            lp = ", ReadOnlySpan<int> " + (lists[0][0][0].lower()+lists[0][0][1:]) if lists else ""
            L.append(f"    public {ret} Add{Meth}(int child, in {rowcls} row{lp}, SourceLocation at)")
            L.append("    {")
            L.append("        CheckChild(child);")
            la = ", "+(lists[0][0][0].lower()+lists[0][0][1:]) if lists else ""
            if prop=="Referrals":
                L.append(f"        var handle = {f}.Add(child, {keyexpr}, row, at{la});")
                L.append(f"        _lastReferral[(child, {keyexpr})] = handle;")
                L.append("        return handle;")
            else:
                L.append(f"        {f}.Add(child, {keyexpr}, row, at{la});")
                L.append("        return this;")
            L.append("    }")
        # friendly
        L.append("")
        ps=[]
        if sub:
            ps.append("string child"); ps.append("DateOnly referralDate")
        else:
            ps.append("string child")
        for (n,t,fc,d) in cols:
            p = pname(n)
            ty = {"date":"DateOnly?","code":"string?","ocode":"string?","int":"int?","flag":"bool?","list_code":"IEnumerable<string>?","list_date":"IEnumerable<DateOnly>?"}[t]
            ps.append(f"{ty} {p} = null")
        ps.append("SourceLocation? at = null")
        if sub:
            L.append(f"    /// <summary>Adds a row ({tdoc}) to the child's latest-added referral dated <paramref name=\"referralDate\"/>.</summary>")
        else:
            L.append(f"    /// <summary>Adds a row of {tdoc}, by hand.</summary>")
        L.append(f"    public {name} {Meth}({', '.join(ps)})")
        L.append("    {")
        if sub:
            L.append("        var referral = ReferralHandle(child, referralDate);")
        else:
            L.append("        var number = ChildNumber(child);")
        L.append(f"        var row = new {rowcls}")
        L.append("        {")
        for (n,t,fc,d) in scalar:
            p = pname(n)
            e = {"date":f"RecordValues.Day({p})","code":f"Codes.Intern({p})","ocode":f"{p} is null ? CodeTable.NotGiven : Codes.Intern({p})","int":f"RecordValues.Number({p})","flag":f"Flags.From({p})"}[t]
            L.append(f"            {n} = {e},")
        L.append("        };")
        la=""
        if lists:
            (n,t,fc,d)=lists[0]; p=pname(n)
            if t=="list_code":
                L.append(f"        var list = {p}?.Select(Codes.Intern).ToArray() ?? [];")
            else:
                L.append(f"        var list = {p}?.Select(d => d.DayNumber).ToArray() ?? [];")
            la=", list"
        if sub:
            L.append(f"        return Add{Meth}(referral, row{la}, at ?? SourceLocation.None);")
        elif prop=="Referrals":
            L.append(f"        AddReferral(number, row{la}, at ?? SourceLocation.None);")
            L.append("        return this;")
        else:
            L.append(f"        return Add{Meth}(number, row{la}, at ?? SourceLocation.None);")
        L.append("    }")
    # Append: another builder's rows carried over, in arrival order, with its children, codes and files renumbered.
    L.append("")
    L.append(f"    /// <summary>")
    L.append(f"    /// Adds every file and row of <paramref name=\"source\"/>, a builder not yet built, as if its files had been read here after")
    L.append(f"    /// those read so far: the same children, codes, files and rows, in the same order, so that building gives what one")
    L.append(f"    /// builder reading all the files would. <paramref name=\"source\"/> is left as it was (it can be appended elsewhere, or built).")
    L.append(f"    /// </summary>")
    L.append(f"    /// <param name=\"source\">The builder whose files and rows are added.</param>")
    L.append(f"    /// <param name=\"pathPrefix\">Put before each of its files' paths, or null.</param>")
    L.append(f"    public {name} Append({name} source, string? pathPrefix = null)")
    L.append("    {")
    L.append("        var map = AppendFiles(source, pathPrefix);")
    for t in tables:
        if cin:
            (prop, cls, rowcls, meth, key, sub, tdoc, cols) = t
        else:
            (prop, cls, rowcls, meth, key, tdoc, cols) = t; sub=False
        f = "_"+prop[0].lower()+prop[1:]
        codes = [c for c in cols if c[1] in ("code","ocode")]
        lists = [c for c in cols if c[1].startswith("list")]
        listcodes = "true" if lists and lists[0][1]=="list_code" else "false"
        if codes:
            body = " ".join(f"row.{n} = m.Code(row.{n});" for (n,t2,fc,d) in codes)
            maprow = f"static (ref {rowcls} row, RowsMap m) => {{ {body} }}"
        else:
            maprow = "null"
        if prop=="Referrals":
            L.append(f"        var firstReferral = {f}.Count;")
        groups = "null, firstReferral" if sub else "map.Children, 0"
        L.append(f"        {f}.Append(source.{f}, {groups}, map, {maprow}, listCodes: {listcodes});")
        if prop=="Referrals":
            L.append(f"        for (var handle = firstReferral; handle < {f}.Count; handle++)")
            L.append("        {")
            L.append(f"            _lastReferral[({f}.GroupOf(handle), {f}.KeyOf(handle))] = handle;")
            L.append("        }")
            L.append("")
    L.append("        return this;")
    L.append("    }")
    L.append("}")
    open(os.path.join(OUT, name + ".Tables.cs"), "w").write("\n".join(L) + "\n")

gen_builder("Ssda903Builder", "Ssda903Data", T903, "", False)
gen_builder("CinBuilder", "CinData", TCIN, "", True)

# --- The 903 file schema in Lodestar.Formats: which file column fills which row field. ---
FORMATS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "Lodestar.Formats", "Ssda903")
SIGNATURES = {
    "Header": ["SEX", "DOB", "ETHNIC"], "Episodes": ["DECOM", "RNE", "LS"], "Reviews": ["REVIEW", "REVIEW_CODE"],
    "Uasc": ["DUC"], "Oc2": ["SDQ_SCORE", "HEALTH_CHECK"], "Oc3": ["IN_TOUCH", "ACTIV", "ACCOM"],
    "Ad1": ["DATE_INT", "DATE_MATCH"], "PlacedAdoption": ["DATE_PLACED"], "PrevPerm": ["PREV_PERM"],
    "Missing": ["MISSING", "MIS_START"], "SwEpisodes": ["SW_ID", "SW_DECOM"],
}
XML = {"Header": ["HEADER"], "Episodes": ["EPISODE"], "Reviews": ["REVIEW"], "Uasc": ["UASC"], "Oc2": ["OC2"], "Oc3": ["OC3"],
       "Ad1": ["AD1"], "PlacedAdoption": ["PLACEDADOPTION", "PLACED_ADOPTION"], "PrevPerm": ["PREVPERM", "PREV_PERM"],
       "Missing": ["MISSING"], "SwEpisodes": ["SWEPISODE", "SW_EPISODE", "SWEPISODES"]}
DFE = {"Header": "Header", "Episodes": "Episodes", "Reviews": "Reviews", "Uasc": "UASC", "Oc2": "OC2", "Oc3": "OC3", "Ad1": "AD1",
       "PlacedAdoption": "PlacedAdoption", "PrevPerm": "PrevPerm", "Missing": "Missing", "SwEpisodes": "SWEpisodes"}
L = []
L.append("// Generated by tools/generate-records.py (python3 tools/generate-records.py): edit the layout there and rerun.")
L.append("using Lodestar.Formats.Text;")
L.append("using Lodestar.Metrics.Records;")
L.append("")
L.append("namespace Lodestar.Formats.Ssda903;")
L.append("")
L.append("internal static partial class Ssda903Schema")
L.append("{")
names = []
for (prop, cls, rowcls, meth, key, doc, cols) in T903:
    Meth = meth[0].upper() + meth[1:]
    filecols = [c for c in cols if c[2]]
    names.append(prop)
    L.append(f"    public static readonly Ssda903Table<{rowcls}> {prop} = new(")
    L.append(f"        \"{DFE[prop]}\",")
    L.append(f"        [{', '.join(chr(34)+s+chr(34) for s in SIGNATURES[prop])}],")
    L.append(f"        [{', '.join(chr(34)+s+chr(34) for s in XML[prop])}],")
    L.append(f"        {rowcls}.Empty,")
    L.append(f"        static (builder, child, in row, at) => builder.Add{Meth}(child, row, at),")
    L.append("        [")
    for (n, t, fc, d) in filecols:
        kind = {"date": "FieldKind.Date", "code": "FieldKind.Code", "ocode": "FieldKind.Code", "int": "FieldKind.Number"}[t]
        optional = ", Optional: true" if t == "ocode" else ""
        L.append(f"            new(\"{fc}\", {kind}, static (ref {rowcls} row, int value) => row.{n} = value{optional}),")
    L.append("        ]" + (",") )
    if any(c[0] == "Year" for c in cols):
        L.append(f"        static (ref {rowcls} row, int value) => row.Year = value);")
    else:
        L.append("        null);")
    L.append("")
L.append(f"    public static readonly IReadOnlyList<ISsda903Table> All = [{', '.join(names)}];")
L.append("}")
open(os.path.join(FORMATS, "Ssda903Schema.cs"), "w").write("\n".join(L) + "\n")
