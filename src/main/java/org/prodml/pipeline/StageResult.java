package org.prodml.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.prodml.render.Block;
import org.prodml.render.HtmlBlock;
import org.prodml.render.TableBlock;
import org.prodml.render.TextBlock;
import org.prodml.rules.Finding;

/** What a stage shows: blocks in order, and the findings its rules raised. */
public record StageResult(List<Block> blocks, List<Finding> findings) {

  public StageResult {
    blocks = List.copyOf(blocks);
    findings = List.copyOf(findings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects blocks and findings in the order a stage produces them. */
  public static final class Builder {
    private final List<Block> blocks = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    public Builder text(String text) {
      blocks.add(new TextBlock(text));
      return this;
    }

    public Builder html(String html) {
      blocks.add(new HtmlBlock(html));
      return this;
    }

    public Builder table(TableBlock table) {
      blocks.add(table);
      return this;
    }

    public Builder block(Block block) {
      blocks.add(block);
      return this;
    }

    public Builder findings(List<Finding> more) {
      findings.addAll(more);
      return this;
    }

    public StageResult build() {
      return new StageResult(blocks, findings);
    }
  }
}
