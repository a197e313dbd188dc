using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;
using Approvals.Activities.Reports;

namespace Approvals.Host.Reports;

/// <summary>Writes a statistics report as an .xlsx workbook (Office Open XML), one sheet per table, with no third-party library.</summary>
internal static class SpreadsheetWriter
{
    public static byte[] Write(StatisticsReport report)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var sheets = report.Tables;
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types " +
                "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default " +
                "Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/xl/workbook.xml\" " +
                "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
                string.Concat(sheets.Select((_, i) =>
                    $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" " +
                    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
                "</Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships " +
                "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" " +
                "Target=\"xl/workbook.xml\"/></Relationships>");
            Add(zip, "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook " +
                "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
                string.Concat(sheets.Select((t, i) =>
                    $"<sheet name=\"{Escape(SheetName(t.Title, i))}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))
                        + "</sheets></workbook>");
            Add(zip, "xl/_rels/workbook.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships " +
                "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                string.Concat(sheets.Select((_, i) =>
                    $"<Relationship Id=\"rId{i + 1}\" " +
                    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" " +
                    $"Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
                "</Relationships>");
            for (var i = 0; i < sheets.Count; i++) Add(zip, $"xl/worksheets/sheet{i + 1}.xml", Sheet(sheets[i], report));
        }
        return buffer.ToArray();
    }

    private static string Sheet(ReportTable table, StatisticsReport report)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet " +
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        var row = 1;
        void Row(IEnumerable<object?> cells)
        {
            xml.Append($"<row r=\"{row}\">");
            var column = 0;
            foreach (var cell in cells)
            {
                var reference = $"{ColumnName(column++)}{row}";
                xml.Append(cell switch
                {
                    null => $"<c r=\"{reference}\"/>",
                    int or long or double or decimal =>
                        $"<c r=\"{reference}\"><v>{Convert.ToString(cell, CultureInfo.InvariantCulture)}</v></c>",
                    _ => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{Escape(cell.ToString() ?? "")}</t></is></c>",
                });
            }
            xml.Append("</row>");
            row++;
        }
        Row([$"{table.Title} / {table.TitleEn}", $"{report.From:yyyy-MM-dd} – {report.To:yyyy-MM-dd}"]);
        Row(table.Columns);
        foreach (var cells in table.Rows) Row(cells);
        return xml.Append("</sheetData></worksheet>").ToString();
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1)
        + (char)('A' + index % 26);

    private static string SheetName(string title, int index)
    {
        var clean = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        return (clean.Length > 28 ? clean[..28] : clean) is { Length: > 0 } name ? name : $"Sheet{index + 1}";
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
