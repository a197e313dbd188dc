using System.Text.Json.Nodes;

namespace Approvals.Activities.Tests.Support;

/// <summary>Valid form data for each request type, with overrides.</summary>
public static class FormData
{
    public static JsonObject SisterCity(string relationship = "sister-city", string city = "Ostrava") => new()
    {
        ["proposingUnit"] = "吴江区外办",
        ["foreignCity"] = city,
        ["country"] = "CZ",
        ["region"] = "Moravian-Silesian",
        ["relationshipType"] = relationship,
        ["rationale"] = "两市在制造业与教育领域交往密切。",
        ["exchangeHistory"] = new JsonArray(new JsonObject { ["year"] = 2013, ["event"] = "首次互访" },
            new JsonObject { ["year"] = 2014, ["event"] = "签署合作备忘录" }),
        ["plannedSigningDate"] = "2026-06-18",
        ["foreignLeader"] = "Tomáš Macura",
    };

    public static JsonObject Travel(int members = 3, bool taiwan = false, string departure = "2026-05-11", string @return = "2026-05-17",
        decimal budget = 50000) => new()
    {
        ["delegationLeader"] = "王明",
        ["members"] = new JsonArray(Enumerable.Range(1, members).Select(i => (JsonNode?)new JsonObject
        {
            ["name"] = $"成员{i}", ["title"] = "科员", ["rank"] = "staff", ["passportType"] = "official",
        }).ToArray()),
        ["destinations"] = new JsonArray(new JsonObject { ["country"] = "CZ", ["city"] = "Ostrava" },
            new JsonObject { ["country"] = "PL", ["city"] = "Nowy Sącz" }),
        ["departureDate"] = departure,
        ["returnDate"] = @return,
        ["purpose"] = "友城交流及经贸洽谈",
        ["invitingOrganisation"] = "Statutární město Ostrava",
        ["invitationLetter"] = "att-invitation",
        ["budget"] = budget,
        ["fundingSource"] = "budget",
        ["isTaiwan"] = taiwan,
    };

    public static JsonObject Courtesy(string rank = "ministerial", string[]? courtesies = null) => new()
    {
        ["delegationName"] = "捷克俄斯特拉发市代表团",
        ["country"] = "CZ",
        ["leaderName"] = "Jan Novák",
        ["leaderTitle"] = "Mayor",
        ["rank"] = rank,
        ["size"] = 8,
        ["arrival"] = "2026-03-20T10:00:00+08:00",
        ["departure"] = "2026-03-23T15:00:00+08:00",
        ["port"] = "上海浦东国际机场",
        ["hostingUnit"] = "吴江区外办",
        ["courtesies"] = new JsonArray((courtesies ?? ["airport-vip", "leader-meeting"]).Select(c => (JsonNode?)c).ToArray()),
        ["justification"] = "友城市长率团来访。",
    };
}
