using System.Text.Json.Nodes;

namespace Approvals.Host.Tests.Support;

public static class FormData
{
    public static JsonObject SisterCity(string relationship = "sister-city") => new()
    {
        ["proposingUnit"] = "吴江区外办", ["foreignCity"] = "Nowy Sącz", ["country"] = "PL", ["relationshipType"] = relationship,
        ["rationale"] = "双方在旅游和教育方面合作良好。", ["plannedSigningDate"] = "2026-09-10",
        ["exchangeHistory"] = new JsonArray(new JsonObject { ["year"] = 2014, ["event"] = "代表团互访" }),
    };

    public static JsonObject Travel() => new()
    {
        ["delegationLeader"] = "王明",
        ["members"] = new JsonArray(new JsonObject { ["name"] = "王明", ["title"] = "主任", ["rank"] = "division-chief",
            ["passportType"] = "official" },
            new JsonObject { ["name"] = "李华", ["title"] = "科员", ["rank"] = "staff", ["passportType"] = "official" }),
        ["destinations"] = new JsonArray(new JsonObject { ["country"] = "CZ", ["city"] = "Ostrava" }),
        ["departureDate"] = "2026-05-11", ["returnDate"] = "2026-05-15", ["purpose"] = "友城交流", ["invitingOrganisation"] = "Ostrava City",
        ["invitationLetter"] = "att-1", ["budget"] = 30000, ["fundingSource"] = "budget", ["isTaiwan"] = false,
    };

    public static JsonObject Courtesy(string rank = "bureau") => new()
    {
        ["delegationName"] = "波兰新松奇市代表团", ["country"] = "PL", ["leaderName"] = "Ludomir Handzel", ["leaderTitle"] = "Mayor",
        ["rank"] = rank, ["size"] = 6,
        ["arrival"] = "2026-12-20T10:00:00+08:00", ["departure"] = "2026-12-23T15:00:00+08:00", ["port"] = "上海浦东国际机场",
        ["hostingUnit"] = "吴江区外办",
        ["courtesies"] = new JsonArray("airport-vip"), ["justification"] = "友城代表团来访。",
    };
}
