package dev.poolcheck.engine.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourceRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML anchors, aliases and merge keys of one file: what an alias expands to (bounded, so an alias
 * bomb becomes a finding instead of exhausting memory) and how {@code <<: *base} merges members.
 */
final class YamlAnchors {

  /** Expanded YAML aliases may not add more nodes than this to one file. */
  static final long MAX_ALIAS_EXPANSION = 1_000_000;

  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final String file;
  private final int maxAliases;
  private int aliases;
  private long aliasNodes;

  YamlAnchors(String file, int maxAliases) {
    this.file = file;
    this.maxAliases = maxAliases;
  }

  void define(String anchor, JsonNode value) {
    anchors.put(anchor, value);
  }

  /**
   * A copy of what alias {@code *name} refers to, or null (with a finding added) when there is no
   * such anchor or the file has expanded too much already.
   */
  JsonNode expand(String name, SourceRange range, String pointer, List<Finding> problems) {
    JsonNode target = anchors.get(name);
    if (target == null) {
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.SYNTAX_ERROR,
              "the alias '*" + name + "' refers to no anchor '&" + name + "' defined before it",
              file,
              pointer,
              range));
      return null;
    }
    aliases++;
    aliasNodes += countNodes(target);
    if (aliases > maxAliases || aliasNodes > MAX_ALIAS_EXPANSION) {
      problems.add(
          DocumentFindings.finding(
              DocumentFindings.UNREADABLE_INPUT,
              "the YAML uses more aliases than poolcheck expands (at most "
                  + maxAliases
                  + " aliases and "
                  + MAX_ALIAS_EXPANSION
                  + " expanded values); this looks like an alias bomb ('billion laughs')",
              file,
              pointer,
              range));
      return null;
    }
    return target.deepCopy();
  }

  /** Whether a value can follow a merge key: a mapping or a list of mappings. */
  static boolean isMergeable(JsonNode value) {
    if (value.isObject()) {
      return true;
    }
    if (!value.isArray() || value.isEmpty()) {
      return false;
    }
    for (JsonNode item : value) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  /**
   * YAML 1.1 merge keys: members of the merged mappings that the mapping does not set itself are
   * added, earlier merges winning over later ones. Their position is the merge value (usually the
   * alias), since that is where they are written in this mapping.
   *
   * @param pointer the pointer of {@code target}
   */
  static void applyMerges(
      ObjectNode target,
      String pointer,
      List<JsonNode> merges,
      List<SourceRange> ranges,
      PositionIndex positions) {
    for (int i = 0; i < merges.size(); i++) {
      JsonNode merge = merges.get(i);
      SourceRange range = ranges.get(i);
      List<JsonNode> sources = new ArrayList<>();
      if (merge.isObject()) {
        sources.add(merge);
      } else {
        merge.forEach(sources::add);
      }
      for (JsonNode source : sources) {
        for (Map.Entry<String, JsonNode> e : source.properties()) {
          if (!target.has(e.getKey())) {
            target.set(e.getKey(), e.getValue().deepCopy());
            String child = PositionedReader.childPointer(pointer, e.getKey());
            positions.putValue(child, range);
            positions.putKey(child, range);
          }
        }
      }
    }
  }

  private static long countNodes(JsonNode node) {
    long n = 0;
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      JsonNode x = pending.pop();
      n++;
      if (n > MAX_ALIAS_EXPANSION) {
        return n;
      }
      x.forEach(pending::push);
    }
    return n;
  }
}
