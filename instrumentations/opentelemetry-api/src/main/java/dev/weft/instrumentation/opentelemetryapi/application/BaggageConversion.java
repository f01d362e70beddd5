package dev.weft.instrumentation.opentelemetryapi.application;

import dev.weft.instrumentation.opentelemetryapi.AgentBaggage;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntry;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import java.util.function.BiConsumer;

/** Baggage copied between the application's API and the agent's, entry by entry with its metadata. */
final class BaggageConversion {

  private BaggageConversion() {}

  static Object toAgent(Baggage baggage) {
    String[] entries = new String[baggage.size() * 3];
    baggage.forEach(
        new BiConsumer<String, BaggageEntry>() {
          private int next;

          @Override
          public void accept(String key, BaggageEntry entry) {
            entries[next++] = key;
            entries[next++] = entry.getValue();
            entries[next++] = entry.getMetadata().getValue();
          }
        });
    return AgentBaggage.of(entries);
  }

  static Baggage fromAgent(Object agentBaggage) {
    String[] entries = AgentBaggage.entries(agentBaggage);
    if (entries.length == 0) {
      return Baggage.empty();
    }
    BaggageBuilder builder = Baggage.builder();
    for (int i = 0; i + 2 < entries.length; i += 3) {
      builder.put(entries[i], entries[i + 1], BaggageEntryMetadata.create(entries[i + 2]));
    }
    return builder.build();
  }
}
