package org.prodml.zeppelin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void headingsParagraphsListsAndCode() {
    String html =
        Markdown.toHtml(
            """
        # Load **the** data

        Run the `load` paragraph,
        then *profile* it.

        - one
        - two with [docs](https://zeppelin.apache.org)

        1. first
        2. second

        ```
        %prodml.load(file=<x>)
        ```
        > a quote""");

    assertEquals(
        """
        <div class="markdown-body">
        <h1>Load <strong>the</strong> data</h1>
        <p>Run the <code>load</code> paragraph, then <em>profile</em> it.</p>
        <ul>
        <li>one</li>
        <li>two with <a href="https://zeppelin.apache.org">docs</a></li>
        </ul>
        <ol>
        <li>first</li>
        <li>second</li>
        </ol>
        <pre><code>%prodml.load(file=&lt;x&gt;)
        </code></pre>
        <blockquote>a quote</blockquote>
        </div>""",
        html);
  }

  @Test
  void rawHtmlAndScriptLinksAreNeitherRenderedNorFollowed() {
    String html =
        Markdown.toHtml("<script>alert(1)</script> [click](javascript:alert(1)) temp_max * 2 * 3");

    assertEquals(
        "<div class=\"markdown-body\">\n<p>&lt;script&gt;alert(1)&lt;/script&gt; click) temp_max * 2 * 3</p>\n</div>",
        html);
  }
}
