package dev.weft.instrumentation.kafka;

/**
 * The names {@code {operation} {topic}} of one operation's record spans. A client usually works on one topic, or
 * a few, so the name of the last topic seen is kept rather than concatenated again for every record.
 */
final class TopicSpanNames {

  /** The operation: the name's first word, and {@code messaging.operation.type} and {@code .name}. */
  final String operation;

  /**
   * Not volatile: a {@link Named} is safely published by its final fields, and a thread that sees an older one only
   * builds the name again.
   */
  private Named last;

  TopicSpanNames(String operation) {
    this.operation = operation;
  }

  String of(String topic) {
    Named named = last;
    if (named == null || !named.topic.equals(topic)) {
      named = new Named(topic, operation + " " + topic);
      last = named;
    }
    return named.name;
  }

  /** A topic and its span name, replaced together. */
  private static final class Named {
    final String topic;
    final String name;

    Named(String topic, String name) {
      this.topic = topic;
      this.name = name;
    }
  }
}
