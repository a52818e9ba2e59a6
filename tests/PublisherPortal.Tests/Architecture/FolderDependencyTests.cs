using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PublisherPortal.Data;

namespace PublisherPortal.Tests.Architecture;

/// <summary>
/// The web app's folders depend in one direction, as src/PublisherPortal/README.md draws it: this reads that table
/// and the compiled app, and fails on any reference the table does not allow.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private const string Root = "PublisherPortal";
    private static readonly IReadOnlyDictionary<string, IReadOnlySet<string>?> Allowed = ReadTable();
    private static readonly IReadOnlyDictionary<string, HashSet<string>> References = TypeReferences.Of(typeof(Program).Assembly);

    [Fact]
    public void Every_folder_uses_only_the_folders_its_line_in_the_readme_names()
    {
        var mapped = MappedTypes();
        var violations = new List<string>();
        foreach (var (type, used) in References)
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            foreach (var target in used)
            {
                if (FolderOf(target) is not { } to || to == from || Allowed[from] is null || Allowed[from]!.Contains(to))
                {
                    continue;
                }

                // Data maps every feature's entities: those, and only those, it may name.
                if (from == "Data" && mapped.Contains(target))
                {
                    continue;
                }

                violations.Add($"{type} ({from}) uses {target} ({to})");
            }
        }

        Assert.True(violations.Count == 0, "Uses the README's folder table does not allow:\n" + string.Join("\n", violations.Order()));
    }

    [Fact]
    public void Every_folder_of_the_app_has_a_line_in_the_readme()
    {
        var unknown = References.Keys.Select(FolderKey).OfType<string>().Where(f => !Allowed.ContainsKey(f)).Distinct().Order().ToList();
        Assert.True(unknown.Count == 0, "Folders missing from src/PublisherPortal/README.md: " + string.Join(", ", unknown));
    }

    [Fact]
    public void The_table_has_no_cycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        foreach (var folder in Allowed.Keys)
        {
            Visit(folder, []);
        }

        void Visit(string folder, List<string> path)
        {
            if (done.Contains(folder) || Allowed[folder] is null)
            {
                return;
            }

            Assert.True(visiting.Add(folder), "Cycle: " + string.Join(" → ", path.Append(folder)));
            foreach (var next in Allowed[folder]!)
            {
                Visit(next, [.. path, folder]);
            }

            visiting.Remove(folder);
            done.Add(folder);
        }
    }

    [Fact]
    public void The_check_sees_a_static_call_inside_a_method_body()
    {
        // ArticleView's page calls the access policy only from its code-behind methods; if method bodies were not read,
        // the table could be broken without this test noticing.
        Assert.Contains("PublisherPortal.Paywall.ArticleAccessPolicy", References["PublisherPortal.Feeds.RssFeed"]);
    }

    /// <summary>The entity types the database model maps, and the types of their properties (enums).</summary>
    private static HashSet<string> MappedTypes()
    {
        using var portal = new DemoSite();
        using var scope = portal.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        return model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Append(e.ClrType))
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string? FolderOf(string typeName) => FolderKey(typeName) is { } key && Allowed.ContainsKey(key) ? key : FolderKey(typeName);

    /// <summary>The README's name for the folder a type lives in; null for types that are not the app's own code.</summary>
    private static string? FolderKey(string typeName)
    {
        var name = typeName.StartsWith("__Blazor.", StringComparison.Ordinal) ? typeName["__Blazor.".Length..] : typeName;
        var dot = name.LastIndexOf('.');
        var ns = dot < 0 ? "" : name[..dot];
        if (ns == Root)
        {
            return "Composition"; // Program: the entry point composes the app
        }

        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = ns[(Root.Length + 1)..].Split('.');
        var two = segments.Length >= 2 ? segments[0] + "." + segments[1] : null;
        return two is not null && Allowed.ContainsKey(two) ? two : segments[0];
    }

    private static Dictionary<string, IReadOnlySet<string>?> ReadTable()
    {
        var readme = File.ReadAllLines(Path.Combine(PublisherPortal.TestSupport.DevelopmentSettings.RepositoryRoot, "src", Root, "README.md"));
        var table = new Dictionary<string, IReadOnlySet<string>?>(StringComparer.Ordinal);
        foreach (var line in readme.Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|', StringSplitOptions.TrimEntries);
            var folder = Code().Match(cells[0]).Groups[1].Value;
            table[folder] = cells[^1] == "everything" ? null : Code().Matches(cells[^1]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        }

        Assert.NotEmpty(table);
        return table;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
