package dev.weft.benchmarks.harness;

import java.time.Duration;

/**
 * A group of rows in the report: start-up, each load phase of the servlet application, the Kafka consumer, and
 * footprint.
 */
enum Section {
  START_UP(0),
  CHAIN_SATURATED(3),
  HELLO_SATURATED(1),
  CHAIN_FIXED_RATE(3),
  CHAIN_SLOW_COLLECTOR(3),
  HELLO_SLOW_COLLECTOR(1),
  KAFKA_TRACED(1),
  KAFKA_UNTRACED(0),
  FOOTPRINT(0);

  /** Spans one request (or record) makes under an agent; 0 where none are counted. */
  final int spansPerRequest;

  Section(int spansPerRequest) {
    this.spansPerRequest = spansPerRequest;
  }

  String title(Settings settings) {
    switch (this) {
      case START_UP:
        return "Start-up";
      case CHAIN_SATURATED:
        return "`/chain`, "
            + Settings.CONNECTIONS
            + " connections (saturating), "
            + seconds(settings.chainLoad);
      case HELLO_SATURATED:
        return "`/hello`, "
            + Settings.CONNECTIONS
            + " connections (saturating), "
            + seconds(settings.helloLoad);
      case CHAIN_FIXED_RATE:
        return String.format(
            "`/chain` at a fixed %,d requests/s, %s",
            Settings.CHAINS_PER_SECOND, seconds(settings.fixedRateLoad));
      case CHAIN_SLOW_COLLECTOR:
        return "`/chain`, "
            + Settings.CONNECTIONS
            + " connections (saturating), "
            + seconds(settings.slowCollectorLoad)
            + ", collector answering after "
            + Settings.SLOW_COLLECTOR_DELAY.toMillis()
            + " ms";
      case HELLO_SLOW_COLLECTOR:
        return "`/hello`, "
            + Settings.CONNECTIONS
            + " connections (saturating), "
            + seconds(settings.slowCollectorLoad)
            + ", collector answering after "
            + Settings.SLOW_COLLECTOR_DELAY.toMillis()
            + " ms";
      case KAFKA_TRACED:
        return String.format(
            "Kafka consumer, poll loop over %,d records with a sampled `traceparent`",
            settings.kafkaRecords);
      case KAFKA_UNTRACED:
        return String.format(
            "Kafka consumer, poll loop over %,d records without headers", settings.kafkaRecords);
      case FOOTPRINT:
        return "Footprint";
      default:
        throw new AssertionError(this);
    }
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + " s";
  }
}
