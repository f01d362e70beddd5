package dev.weft.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.List;

/** Kafka producer and consumer spans, with the context carried in record headers. */
public final class KafkaModule extends InstrumentationModule {

  private static final String ADVICE = "dev.weft.instrumentation.kafka.";
  private static final String PRODUCER = "org/apache/kafka/clients/producer/KafkaProducer";
  private static final String CONSUMER = "org/apache/kafka/clients/consumer/KafkaConsumer";
  private static final String RECORDS = "org/apache/kafka/clients/consumer/ConsumerRecords";

  public KafkaModule() {
    super("kafka");
  }

  @Override
  public String supportedVersions() {
    return "kafka-clients 2.6 to 4.x";
  }

  @Override
  public boolean mayApplyTo(String internalName) {
    return internalName.startsWith("org/apache/kafka/clients/")
        && (internalName.equals(PRODUCER) || internalName.equals(CONSUMER) || internalName.equals(RECORDS));
  }

  /** Application classes that loop over polled records, whose loops may be left by {@code break}. */
  @Override
  public List<String> usedClasses() {
    return List.of(RECORDS);
  }

  @Override
  public String markerClass() {
    return "org.apache.kafka.clients.producer.KafkaProducer";
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(
        Requirement.method("org.apache.kafka.clients.consumer.KafkaConsumer", "groupMetadata",
            "()Lorg/apache/kafka/clients/consumer/ConsumerGroupMetadata;"),
        Requirement.method("org.apache.kafka.clients.consumer.ConsumerRecord", "headers",
            "()Lorg/apache/kafka/common/header/Headers;"),
        Requirement.method("org.apache.kafka.clients.producer.ProducerRecord", "headers",
            "()Lorg/apache/kafka/common/header/Headers;"),
        Requirement.method("org.apache.kafka.common.header.Headers", "remove",
            "(Ljava/lang/String;)Lorg/apache/kafka/common/header/Headers;"),
        Requirement.method("org.apache.kafka.clients.producer.RecordMetadata", "serializedValueSize", "()I"),
        Requirement.method("org.apache.kafka.clients.consumer.ConsumerRecords", "records",
            "(Ljava/lang/String;)Ljava/lang/Iterable;"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    return List.of(
        TypeInstrumentation.forTypes(named("org.apache.kafka.clients.producer.KafkaProducer"))
            .advise(isPublic().and(named("send")).and(takesArguments(2)), ADVICE + "ProducerSendAdvice"),
        TypeInstrumentation.forTypes(named("org.apache.kafka.clients.consumer.KafkaConsumer"))
            .advise(isPublic().and(named("poll")).and(takesArguments(1)), ADVICE + "ConsumerPollAdvice")
            .advise(isPublic().and(named("close")), ADVICE + "ConsumerCloseAdvice"),
        TypeInstrumentation.forTypes(named("org.apache.kafka.clients.consumer.ConsumerRecords"))
            .advise(isPublic().and(named("iterator")).and(takesArguments(0)), ADVICE + "RecordsIteratorAdvice")
            .advise(isPublic().and(named("records")).and(takesArgument(0, String.class)),
                ADVICE + "RecordsOfTopicAdvice")
            .advise(isPublic().and(named("records")).and(returns(List.class)), ADVICE + "RecordsOfPartitionAdvice"),
        TypeInstrumentation.forLoopsOfUsersOf(RECORDS, not(nameStartsWith("org.apache.kafka.")), ADVICE + "LoopExits"));
  }
}
