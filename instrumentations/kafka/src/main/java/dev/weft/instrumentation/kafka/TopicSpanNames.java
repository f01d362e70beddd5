package dev.weft.instrumentation.kafka;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The names {@code {operation} {topic}} of one operation's record spans, kept per topic so that a record's name is
 * not concatenated again for every record, however many topics the application's clients take turns on.
 *
 * <p>A name found costs one lock-free {@link ConcurrentHashMap#get}; only a topic's first record writes. The
 * application names its topics, and one that makes them up (a topic per customer, say) would grow a map without
 * end: after {@link #MOST_TOPICS} topics the names of further topics are built for each record instead, as they
 * were before this cache. (Threads that meet new topics at once may each add one past the bound: it is a bound on
 * memory, not an exact count.)
 */
final class TopicSpanNames {

  /** How many topics' names are kept at the most, per operation. */
  static final int MOST_TOPICS = 128;

  /** The operation: the name's first word, and {@code messaging.operation.type} and {@code .name}. */
  final String operation;

  private final ConcurrentHashMap<String, String> nameByTopic = new ConcurrentHashMap<>();

  TopicSpanNames(String operation) {
    this.operation = operation;
  }

  String of(String topic) {
    String name = nameByTopic.get(topic);
    if (name == null) {
      name = operation + " " + topic;
      if (nameByTopic.size() < MOST_TOPICS) {
        nameByTopic.putIfAbsent(topic, name);
      }
    }
    return name;
  }
}
