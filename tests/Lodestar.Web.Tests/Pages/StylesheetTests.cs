using System.Text.RegularExpressions;
using Lodestar.Testing;

namespace Lodestar.Web.Tests.Pages;

/// <summary>
/// The site's own stylesheet is hand-written: a rule opened and never closed swallows every rule after it
/// without any error in the browser, so the braces are checked here.
/// </summary>
public sealed partial class StylesheetTests
{
    [Fact]
    public void Every_rule_in_site_css_is_closed_before_the_next_one_opens()
    {
        var css = CommentPattern().Replace(File.ReadAllText(Repository.File("src", "Lodestar.Web", "wwwroot", "css", "site.css")), "");
        var depth = 0;
        var line = 1;
        foreach (var c in css)
        {
            switch (c)
            {
                case '\n':
                    line++;
                    break;
                case '{':
                    depth++;
                    // The stylesheet has no @media or other nested blocks: two open braces mean one was never closed.
                    Assert.True(depth <= 1, $"site.css line {line}: a rule opens inside one that was never closed.");
                    break;
                case '}':
                    depth--;
                    Assert.True(depth >= 0, $"site.css line {line}: a brace closes a rule that was never opened.");
                    break;
            }
        }

        Assert.Equal(0, depth);
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();
}
