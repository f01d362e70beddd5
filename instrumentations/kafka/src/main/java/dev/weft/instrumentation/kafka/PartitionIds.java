package dev.weft.instrumentation.kafka;

/**
 * {@code messaging.destination.partition.id}, a string: made once for the partition numbers topics usually have,
 * rather than for every record.
 */
final class PartitionIds {

  private static final String[] SMALL = new String[256];

  static {
    for (int partition = 0; partition < SMALL.length; partition++) {
      SMALL[partition] = Integer.toString(partition);
    }
  }

  private PartitionIds() {}

  static String of(int partition) {
    return partition >= 0 && partition < SMALL.length
        ? SMALL[partition]
        : Integer.toString(partition);
  }
}
