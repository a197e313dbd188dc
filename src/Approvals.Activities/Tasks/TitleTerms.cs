using System.Globalization;
using System.Text;

namespace Approvals.Activities.Tasks;

/// <summary>
/// The words of a task's title as the inbox's full-text index holds them: every pair of neighbouring letters or digits
/// (Chinese has no spaces, and its words are mostly two characters), then every single one. A search word is found as
/// the phrase of its pairs (or as its character, when it is one), so any part of a title is found, as exactly as a
/// substring search, through an index: SQLite's FTS5 and PostgreSQL's text search both read the same terms.
/// </summary>
public static class TitleTerms
{
    /// <summary>Stands between runs of letters, so a phrase never spans a space or a punctuation mark of the title.</summary>
    private const string Break = "ǂ";

    /// <summary>The terms of <paramref name="title"/>, lower case, separated by spaces.</summary>
    public static string Of(string title)
    {
        var text = new StringBuilder(title.Length * 6);
        var singles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in Runs(title))
        {
            for (var i = 0; i + 1 < run.Count; i++) text.Append(run[i]).Append(run[i + 1]).Append(' ');
            if (run.Count > 1) text.Append(Break).Append(' ');
            singles.UnionWith(run);
        }
        text.Append(Break);
        foreach (var single in singles) text.Append(' ').Append(single);
        return text.ToString();
    }

    /// <summary>
    /// What a search text asks for: one phrase per run of letters in it (the words of the text, split at spaces and
    /// punctuation as titles are), each a list of the terms that must follow one another. Empty when it has no letters.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Phrases(string search) =>
        Runs(search).Select(run => run.Count == 1 ? (IReadOnlyList<string>)[run[0]]
            : Enumerable.Range(0, run.Count - 1).Select(i => run[i] + run[i + 1]).ToList()).DistinctBy(p => string.Join(' ', p)).ToList();

    /// <summary>The phrases as an FTS5 query: each a quoted phrase, all of them required.</summary>
    public static string SqliteMatch(IReadOnlyList<IReadOnlyList<string>> phrases) =>
        string.Join(" AND ", phrases.Select(p => "\"" + string.Join(' ', p) + "\""));

    /// <summary>The phrases as a PostgreSQL <c>tsquery</c>: terms of a phrase joined by "followed by", phrases by "and".</summary>
    public static string PostgresQuery(IReadOnlyList<IReadOnlyList<string>> phrases) =>
        string.Join(" & ", phrases.Select(p => "(" + string.Join(" <-> ", p.Select(t => "'" + t + "'")) + ")"));

    /// <summary>The runs of letters and digits of a text, lower case, each as its characters (a surrogate pair is one).</summary>
    private static IEnumerable<List<string>> Runs(string text)
    {
        var run = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(text.ToLowerInvariant());
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (char.IsLetterOrDigit(element, 0)) run.Add(element);
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }
        if (run.Count > 0) yield return run;
    }
}
