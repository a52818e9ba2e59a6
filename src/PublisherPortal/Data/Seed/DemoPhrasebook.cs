namespace PublisherPortal.Data.Seed;

/// <summary>
/// Sentence and paragraph templates for one section. Slots in braces ({topic}, {Topic}, {place},
/// {institution}, {Institution}, {person}, {role}, {person2}, {role2}, {n}, {big}, {money}, {pct},
/// {year}, {month}, {weekday}, {slug}) are filled per story; a capitalised slot starts a sentence.
/// </summary>
internal sealed record DemoPhrasebook(
    string[] Ledes,
    string[] Contexts,
    string[] Quotes,
    string[] Details,
    string[] Closings,
    string[] Subheadings,
    string[] Blockquotes,
    string[] Lists,
    string[] Links);
