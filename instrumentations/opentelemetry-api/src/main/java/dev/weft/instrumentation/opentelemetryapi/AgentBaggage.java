package dev.weft.instrumentation.opentelemetryapi;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntry;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import java.util.function.BiConsumer;

/** The agent's baggage, read into and made from plain strings: handles typed {@code Object}. */
public final class AgentBaggage {

  private AgentBaggage() {}

  /** The entries as key, value, metadata, key, value, metadata... */
  public static String[] entries(Object baggage) {
    Baggage agentBaggage = (Baggage) baggage;
    String[] entries = new String[agentBaggage.size() * 3];
    agentBaggage.forEach(
        new BiConsumer<String, BaggageEntry>() {
          private int next;

          @Override
          public void accept(String key, BaggageEntry entry) {
            entries[next++] = key;
            entries[next++] = entry.getValue();
            entries[next++] = entry.getMetadata().getValue();
          }
        });
    return entries;
  }

  /** @param entries key, value, metadata, key, value, metadata... */
  public static Object of(String[] entries) {
    BaggageBuilder builder = Baggage.builder();
    for (int i = 0; i + 2 < entries.length; i += 3) {
      builder.put(entries[i], entries[i + 1], BaggageEntryMetadata.create(entries[i + 2]));
    }
    return builder.build();
  }
}
