package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.WeakIdentityState;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * What names a Kafka client in its spans: {@code messaging.client.id} and, for consumers,
 * {@code messaging.consumer.group.name}. The clients do not expose their client id (Kafka generates one when none
 * is configured), but every metric of a client carries it as a tag, so it is read from there once per client,
 * and kept without a lock (every send and poll asks).
 */
final class ClientIdentity {

  static final ClientIdentity UNKNOWN = new ClientIdentity(null, null);

  private static final WeakIdentityState<ClientIdentity> BY_CLIENT = new WeakIdentityState<>();

  final String clientId;

  /** {@code null} for producers and for consumers without a group. */
  final String consumerGroup;

  private ClientIdentity(String clientId, String consumerGroup) {
    this.clientId = clientId;
    this.consumerGroup = consumerGroup;
  }

  static ClientIdentity ofProducer(Producer<?, ?> producer) {
    ClientIdentity identity = BY_CLIENT.get(producer);
    if (identity == null) {
      identity = new ClientIdentity(clientId(producer.metrics()), null);
      BY_CLIENT.put(producer, identity);
    }
    return identity;
  }

  /** The identity of a consumer; {@link #UNKNOWN} for {@code null}. */
  static ClientIdentity ofConsumer(Consumer<?, ?> consumer) {
    if (consumer == null) {
      return UNKNOWN;
    }
    ClientIdentity identity = BY_CLIENT.get(consumer);
    if (identity == null) {
      identity = new ClientIdentity(clientId(consumer.metrics()), consumerGroup(consumer));
      BY_CLIENT.put(consumer, identity);
    }
    return identity;
  }

  private static String clientId(Map<MetricName, ? extends Metric> metrics) {
    for (MetricName name : metrics.keySet()) {
      String clientId = name.tags().get("client-id");
      if (clientId != null) {
        return clientId;
      }
    }
    return null;
  }

  private static String consumerGroup(Consumer<?, ?> consumer) {
    try {
      return consumer.groupMetadata().groupId();
    } catch (RuntimeException noGroup) {
      // a consumer without group.id refuses to tell its group metadata
      return null;
    }
  }
}
