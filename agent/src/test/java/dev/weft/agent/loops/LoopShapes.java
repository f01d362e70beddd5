package dev.weft.agent.loops;

import java.util.Iterator;
import java.util.List;

/** Loops over iterators as javac compiles them, for {@code IteratorLoopExitsTest} to rewrite. */
public final class LoopShapes {

  private LoopShapes() {}

  public static int breakOut(List<String> values) {
    int seen = 0;
    for (String value : values) {
      seen++;
      if (value.isEmpty()) {
        break;
      }
    }
    return seen;
  }

  public static int returnInside(List<String> values) {
    for (String value : values) {
      if (value.isEmpty()) {
        return 1;
      }
    }
    return 0;
  }

  /** javac points the while loop's exit at the end of the switch, past case 1, where the iterator is unassigned. */
  public static int whileInSwitch(int mode, List<String> values) {
    switch (mode) {
      case 0:
        Iterator<String> iterator = values.iterator();
        while (iterator.hasNext()) {
          iterator.next();
        }
        break;
      case 1:
        long other = values.size();
        if (other > 1) {
          break;
        }
        return (int) other;
      default:
        break;
    }
    return 2;
  }

  public static int nested(List<List<String>> groups) {
    int seen = 0;
    outer:
    for (List<String> group : groups) {
      for (String value : group) {
        if (value.isEmpty()) {
          break outer;
        }
        seen++;
      }
    }
    return seen;
  }
}
