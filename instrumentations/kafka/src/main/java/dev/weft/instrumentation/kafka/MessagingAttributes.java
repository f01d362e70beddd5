package dev.weft.instrumentation.kafka;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The messaging attributes of the OpenTelemetry semantic conventions 1.37 (still incubating there, so not in the
 * stable semconv artifact the agent ships).
 */
final class MessagingAttributes {

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION_NAME =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> PARTITION_ID =
      AttributeKey.stringKey("messaging.destination.partition.id");
  static final AttributeKey<String> OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> MESSAGE_KEY =
      AttributeKey.stringKey("messaging.kafka.message.key");
  static final AttributeKey<Boolean> TOMBSTONE =
      AttributeKey.booleanKey("messaging.kafka.message.tombstone");
  static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> CLIENT_ID = AttributeKey.stringKey("messaging.client.id");
  static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  static final AttributeKey<Long> BATCH_COUNT =
      AttributeKey.longKey("messaging.batch.message_count");

  static final String KAFKA = "kafka";

  private MessagingAttributes() {}
}
