using PublisherPortal.Newsroom.Revisions;

namespace PublisherPortal.Tests.Newsroom;

public sealed class LineDiffTests
{
    [Fact]
    public void Identical_texts_are_all_same()
    {
        Assert.All(LineDiff.Between("a\nb", "a\nb"), l => Assert.Equal(DiffKind.Same, l.Kind));
    }

    [Fact]
    public void A_changed_line_reads_as_removed_then_added_between_the_lines_both_keep()
    {
        var lines = LineDiff.Between("one\ntwo\nthree", "one\n2\nthree");

        Assert.Equal(
            [new(DiffKind.Same, "one"), new(DiffKind.Removed, "two"), new(DiffKind.Added, "2"), new(DiffKind.Same, "three")],
            lines);
    }

    [Fact]
    public void Lines_added_at_either_end_and_removed_in_the_middle_keep_their_order()
    {
        var lines = LineDiff.Between("b\nc\nd", "a\nb\nd\ne");

        Assert.Equal(
            [new(DiffKind.Added, "a"), new(DiffKind.Same, "b"), new(DiffKind.Removed, "c"), new(DiffKind.Same, "d"), new(DiffKind.Added, "e")],
            lines);
    }

    [Fact]
    public void From_or_to_nothing_is_all_added_or_all_removed()
    {
        Assert.Equal([new(DiffKind.Added, "x"), new(DiffKind.Added, "y")], LineDiff.Between("", "x\ny"));
        Assert.Equal([new(DiffKind.Removed, "x")], LineDiff.Between("x", ""));
    }

    [Fact]
    public void Windows_line_endings_do_not_make_a_line_differ()
    {
        Assert.All(LineDiff.Between("a\r\nb", "a\nb"), l => Assert.Equal(DiffKind.Same, l.Kind));
    }
}
