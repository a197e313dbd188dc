using System.Globalization;

namespace Approvals.Host.Components.Localization;

/// <summary>
/// The UI's words in Chinese (first) and English, by the request's UI culture (set from the language cookie); a missing key shows itself.
/// </summary>
public sealed class UiText
{

    private static readonly Dictionary<string, (string Zh, string En)> Words = new()
    {
        ["AppName"] = ("外事审批", "FAO Approvals"),
        ["Inbox"] = ("待办", "Inbox"),
        ["MyRequests"] = ("我的申请", "My requests"),
        ["SignIn"] = ("登录", "Sign in"),
        ["SignOut"] = ("退出", "Sign out"),
        ["UserName"] = ("用户名", "User name"),
        ["Password"] = ("密码", "Password"),
        ["SignInFailed"] = ("用户名或密码错误，或账户已锁定。", "Wrong user name or password, or the account is locked."),
        ["Title"] = ("事项", "Task"),
        ["Stage"] = ("环节", "Stage"),
        ["Due"] = ("办理时限", "Due"),
        ["Overdue"] = ("已逾期", "Overdue"),
        ["NoTasks"] = ("暂无待办。", "Nothing to do."),
        ["Request"] = ("申请", "Request"),
        ["Status"] = ("状态", "Status"),
        ["Comment"] = ("意见", "Comment"),
        ["History"] = ("办理经过", "History"),
        ["Decided"] = ("已办理", "Decided"),
        ["Language"] = ("English", "中文"),
        ["Number"] = ("编号", "Number"),
        ["Filed"] = ("提交时间", "Filed"),
        ["Approved"] = ("同意", "Approve"),
        ["Rejected"] = ("不同意", "Reject"),
        ["Returned"] = ("退回修改", "Return for revision"),
        ["Resubmitted"] = ("重新提交", "Resubmit"),
        ["Withdrawn"] = ("撤回", "Withdraw"),
        ["Deferred"] = ("推迟审议", "Defer"),
        ["Recorded"] = ("确认登记", "Record"),
        ["Done"] = ("完成", "Done"),
    };

    /// <summary>Names of what a stage asks to be recorded with a decision.</summary>
    private static readonly Dictionary<string, (string Zh, string En)> Fields = new()
    {
        ["documentNumber"] = ("文号", "Document number"),
        ["date"] = ("日期", "Date"),
        ["signingDate"] = ("签约日期", "Signing date"),
        ["signedAgreement"] = ("签约文本", "Signed agreement"),
        ["tripReport"] = ("出访报告", "Trip report"),
        ["returnDate"] = ("回国日期", "Return date"),
        ["overrideReason"] = ("超计划理由", "Over-quota reason"),
        ["arrivalDate"] = ("抵达日期", "Arrival date"),
    };

    /// <summary>Column names of the statistics tables.</summary>
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["rank"] = "级别", ["delegations"] = "团组数", ["persons"] = "人次", ["number"] = "编号", ["delegation"] = "团组",
        ["state"] = "状态", ["filed"] = "提交日期",
        ["unit"] = "单位", ["year"] = "年度", ["quota trips"] = "计划批次", ["used trips"] = "已用批次", ["quota persons"] = "计划人次",
        ["used persons"] = "已用人次",
        ["approved"] = "已批准", ["over quota"] = "超计划", ["relationship"] = "关系", ["stage"] = "环节", ["count"] = "数量", ["cities"] = "城市",
        ["request type"] = "申请类型", ["tasks"] = "事项数", ["average"] = "平均", ["median"] = "中位数", ["longest"] = "最长", ["division"] = "处室",
        ["overdue"] = "逾期", ["oldest due"] = "最早到期",
    };

    public string Column(string name) => IsEnglish ? name : Columns.GetValueOrDefault(name, name);

    /// <summary>A travel policy check in the reader's language (the engine records English; the figures are data).</summary>
    public string PolicyCheck(System.Text.Json.Nodes.JsonObject check)
    {
        var english = check["message"]?.GetValue<string>() ?? "";
        if (IsEnglish) return english;
        string? Number(string key) => check[key] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<decimal>(out var d)
            ? d.ToString("0.##", CultureInfo.InvariantCulture) : null;
        var (value, limit) = (Number("value"), Number("limit"));
        return check["code"]?.GetValue<string>() switch
        {
            "countries" => $"出访 {value} 个国家（上限 {limit} 个）",
            "days" => limit is null ? $"在外 {value} 天" : $"在外 {value} 天（上限 {limit} 天）",
            "group-size" => $"团组 {value} 人（上限 {limit} 人）",
            "invitation" => value == "1" ? "已附邀请函" : "未附邀请函",
            "budget" => $"人均每日 {value} 元（上限 {limit} 元）",
            _ => english,
        };
    }

    private static readonly Dictionary<string, (string Zh, string En)> RoleNames = new(StringComparer.Ordinal)
    {
        ["applicant"] = ("申请人", "Applicant"), ["unit-head"] = ("单位负责人", "Unit head"),
        ["sister-city-division"] = ("友城处", "Sister-city division"),
        ["outbound-division"] = ("出国处", "Outbound division"), ["protocol-division"] = ("礼宾处", "Protocol division"),
        ["fao-director"] = ("外办主任", "FAO director"),
        ["city-leadership"] = ("市领导", "City leadership"), ["review-board"] = ("出国会审小组", "Review board"),
        ["fao-liaison"] = ("外办联络员", "FAO liaison"),
        ["admin"] = ("系统管理员", "Administrator"),
    };

    /// <summary>A role by its name in the reader's language (the code stays the value).</summary>
    public string Role(string code) => RoleNames.TryGetValue(code, out var w) ? (IsEnglish ? w.En : w.Zh) : code;

    private static readonly Dictionary<string, (string Zh, string En)> OutboxStatuses = new(StringComparer.Ordinal)
    {
        ["Pending"] = ("待发送", "Waiting"), ["Sent"] = ("已发送", "Sent"), ["Failed"] = ("发送失败", "Failed"),
    };

    public string OutboxStatus(string status) => OutboxStatuses.TryGetValue(status, out var w) ? (IsEnglish ? w.En : w.Zh) : status;

    /// <summary>A stage name written in both languages ("友城处审核 Division review") as the reader reads it.</summary>
    public string Stage(string? name) => StageName.In(name, IsEnglish) ?? "";

    public string Field(string name) => Fields.TryGetValue(name, out var w) ? (IsEnglish ? w.En : w.Zh) : name;

    public bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public string Language => IsEnglish ? "en" : "zh-CN";

    public string this[string key] => Word(key, IsEnglish);

    /// <summary>A word of the pages in a given language, for text made outside a page (mail).</summary>
    public static string Word(string key, bool english) => Words.TryGetValue(key, out var w) ? (english ? w.En : w.Zh) : key;
}
