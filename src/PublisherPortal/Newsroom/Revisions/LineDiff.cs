namespace PublisherPortal.Newsroom.Revisions;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// The lines two texts share and the lines each has alone, in order, by a longest common subsequence. Quadratic in
/// the number of lines, which stories (hundreds of lines at most) afford; an edit reads as removed-then-added.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Between(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);

        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(DiffKind.Same, a[x++]));
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        lines.AddRange(a[x..].Select(l => new DiffLine(DiffKind.Removed, l)));
        lines.AddRange(b[y..].Select(l => new DiffLine(DiffKind.Added, l)));
        return lines;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.ReplaceLineEndings("\n").Split('\n');
}
