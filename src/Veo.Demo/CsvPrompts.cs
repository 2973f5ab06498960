namespace Veo.Demo;

/// <summary>The Prompt column of a CSV file (quoted fields with commas and doubled quotes allowed).</summary>
internal static class CsvPrompts
{
    public static IEnumerable<string> Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) yield break;
        var header = Split(lines[0]);
        var column = header.FindIndex(h => string.Equals(h.Trim(), "Prompt", StringComparison.OrdinalIgnoreCase));
        if (column < 0) throw new ArgumentException($"'{path}' has no Prompt column (columns: {string.Join(", ", header)}).");
        foreach (var line in lines.Skip(1))
        {
            var cells = Split(line);
            if (column < cells.Count) yield return cells[column];
        }
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
