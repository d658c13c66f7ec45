namespace VpcLab.Model.Tests;

public class TagsTests
{
    [Fact]
    public void Empty_Tags_HaveNoTagsAndNoName()
    {
        Assert.True(Tags.Empty.IsEmpty);
        Assert.Equal(0, Tags.Empty.Count);
        Assert.Null(Tags.Empty.Name);
    }

    // The console shows a resource's "Name" tag.
    [Fact]
    public void Named_Name_IsTheNameTag()
    {
        var tags = Tags.Named("web-a");

        Assert.Equal("web-a", tags.Name);
        Assert.Equal("web-a", tags.Items["Name"]);
        Assert.Equal(1, tags.Count);
    }

    // AWS tag keys are case-sensitive: "name" is a different tag and does not name the resource.
    [Fact]
    public void Name_LowerCaseKey_IsNotTheNameTag()
    {
        var tags = Tags.Of(("name", "lower"), ("NAME", "upper"));

        Assert.Null(tags.Name);
        Assert.Equal(2, tags.Count);
    }

    [Fact]
    public void With_ExistingKey_ReplacesValueAndLeavesOriginal()
    {
        var original = Tags.Of(("Name", "a"), ("env", "prod"));

        var changed = original.With("Name", "b");

        Assert.Equal("b", changed.Name);
        Assert.Equal("prod", changed.Items["env"]);
        Assert.Equal(2, changed.Count);
        Assert.Equal("a", original.Name); // immutable: a change is a new value
    }

    [Fact]
    public void With_NewKey_AddsIt()
    {
        var tags = Tags.Empty.With("env", "dev");

        Assert.Equal(1, tags.Count);
        Assert.True(Tags.Empty.IsEmpty);
    }

    [Fact]
    public void Without_Key_RemovesOnlyThatKey()
    {
        var tags = Tags.Of(("Name", "a"), ("env", "prod"));

        var removed = tags.Without("Name");

        Assert.Null(removed.Name);
        Assert.Equal(["env"], removed.Items.Keys);
        Assert.Equal(2, tags.Count);
        Assert.Equal(2, tags.Without("missing").Count); // removing an absent key changes nothing
    }

    [Fact]
    public void Of_RepeatedKey_LastValueWins() =>
        Assert.Equal("second", Tags.Of(("Name", "first"), ("Name", "second")).Name);

    // Keys are kept in ordinal order (upper case before lower case), so describe output is stable.
    [Fact]
    public void Items_Keys_AreInOrdinalOrder() =>
        Assert.Equal(["Name", "Zone", "app", "env"], Tags.Of(("env", "1"), ("app", "2"), ("Zone", "3"), ("Name", "4")).Items.Keys);
}
