using Ckan.Ingest.Detection;

namespace Ckan.Ingest.Tests.Detection;

public sealed class DialectSnifferTests
{
    [Fact]
    public void Sniffs_semicolon_when_commas_are_decimal_marks()
    {
        var dialect = DialectSniffer.Sniff("a;b;c\n1,5;2,5;3\n4;5,25;6\n", isComplete: true);

        Assert.Equal(';', dialect.Separator);
    }

    [Fact]
    public void Ignores_separators_inside_quotes()
    {
        var dialect = DialectSniffer.Sniff("a,b\n\"x;y;z\",1\n\"p;q;r\",2\n", isComplete: true);

        Assert.Equal(',', dialect.Separator);
    }

    [Fact]
    public void Single_column_defaults_to_comma()
    {
        var dialect = DialectSniffer.Sniff("value\n1\n2\n", isComplete: true);

        Assert.Equal(',', dialect.Separator);
    }

    [Fact]
    public void Stray_quotes_without_quoted_fields_turn_quoting_off()
    {
        var dialect = DialectSniffer.Sniff("size,n\n12\" pipe,1\n3/4\" bolt,2\n", isComplete: true);

        Assert.False(dialect.HasQuoting);
    }

    [Fact]
    public void Quoted_fields_with_escaped_quotes_keep_quoting()
    {
        var dialect = DialectSniffer.Sniff("a,b\n\"say \"\"hi\"\"\",1\n", isComplete: true);

        Assert.True(dialect.HasQuoting);
    }
}
