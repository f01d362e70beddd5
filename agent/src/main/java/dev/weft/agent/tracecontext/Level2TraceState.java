package dev.weft.agent.tracecontext;

import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A {@code tracestate} that holds what Level 2 allows (the SDK's own refuses keys such as {@code foo@}), in header
 * order, immutable. It keeps its header text once computed: a state is extracted once per request and written on
 * each outgoing call, and the SDK hands the parent's state to child spans unchanged.
 */
public final class Level2TraceState implements TraceState {

  /** key, value, key, value, ... left to right */
  private final List<String> entries;

  /** The header to send, "" when there is none; null until computed. */
  private String header;

  Level2TraceState(List<String> entries) {
    this.entries = entries;
  }

  /** @return the header to send, truncated to the specification's limit; null when empty */
  String header() {
    String text = header;
    if (text == null) { // a race computes the same string twice, harmlessly (a String is safely
      // published)
      String formatted = TraceStateHeader.format(entries);
      text = formatted == null ? "" : formatted;
      header = text;
    }
    return text.isEmpty() ? null : text;
  }

  @Override
  public String get(String key) {
    int index = key == null ? -1 : TraceStateHeader.indexOfKey(entries, key);
    return index < 0 ? null : entries.get(index + 1);
  }

  @Override
  public int size() {
    return entries.size() / 2;
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public void forEach(BiConsumer<String, String> consumer) {
    for (int i = 0; i < entries.size(); i += 2) {
      consumer.accept(entries.get(i), entries.get(i + 1));
    }
  }

  @Override
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  @Override
  public TraceStateBuilder toBuilder() {
    return new Builder(new ArrayList<>(entries));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Level2TraceState && entries.equals(((Level2TraceState) other).entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "TraceState" + entries;
  }

  /**
   * The specification's mutations: a new or updated key moves to the front (left); past 32 members the right-most
   * is removed; a key or value the grammar refuses is ignored, as the SDK's builder does.
   */
  static final class Builder implements TraceStateBuilder {

    private final List<String> entries;

    Builder(List<String> entries) {
      this.entries = entries;
    }

    @Override
    public TraceStateBuilder put(String key, String value) {
      if (key == null
          || value == null
          || !TraceStateHeader.isValidKey(key)
          || !TraceStateHeader.isValidValue(value)) {
        return this;
      }
      remove(key);
      entries.add(0, value);
      entries.add(0, key);
      if (entries.size() > 2 * TraceStateHeader.MAX_MEMBERS) {
        entries.subList(2 * TraceStateHeader.MAX_MEMBERS, entries.size()).clear();
      }
      return this;
    }

    @Override
    public TraceStateBuilder remove(String key) {
      int index = key == null ? -1 : TraceStateHeader.indexOfKey(entries, key);
      if (index >= 0) {
        entries.subList(index, index + 2).clear();
      }
      return this;
    }

    @Override
    public TraceState build() {
      return new Level2TraceState(new ArrayList<>(entries));
    }
  }
}
