package dev.weft.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationConfig;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Kafka producer and consumer spans, with the context carried in record headers. */
public final class KafkaModule extends InstrumentationModule {

  private static final String PRODUCER = "org.apache.kafka.clients.producer.KafkaProducer";
  private static final String CONSUMER = "org.apache.kafka.clients.consumer.KafkaConsumer";
  private static final String RECORDS = "org.apache.kafka.clients.consumer.ConsumerRecords";

  /** spring-kafka's consumer thread, and spring-messaging's call of a listener method. */
  private static final String LISTENER_CONSUMER =
      "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer";

  private static final String HANDLER_METHOD =
      "org.springframework.messaging.handler.invocation.InvocableHandlerMethod";

  /** Whether spring-kafka's listener containers are traced as such (else only their kafka-clients calls are). */
  private static final boolean SPRING_KAFKA = InstrumentationConfig.isEnabled("spring-kafka");

  public KafkaModule() {
    super("kafka");
  }

  @Override
  public String supportedVersions() {
    return "kafka-clients 2.6 to 4.x";
  }

  @Override
  public boolean mayApplyTo(String className) {
    if (className.startsWith("org.apache.kafka.clients.")) {
      return className.equals(PRODUCER) || className.equals(CONSUMER) || className.equals(RECORDS);
    }
    return SPRING_KAFKA
        && (className.equals(LISTENER_CONSUMER) || className.equals(HANDLER_METHOD));
  }

  /** Application classes that loop over polled records, whose loops may be left by {@code break}. */
  @Override
  public List<String> usedClasses() {
    return List.of(RECORDS);
  }

  @Override
  public String markerClass() {
    return PRODUCER;
  }

  @Override
  public List<Requirement> requirements() {
    return List.of(
        Requirement.method(
            "org.apache.kafka.clients.consumer.KafkaConsumer",
            "groupMetadata",
            "()Lorg/apache/kafka/clients/consumer/ConsumerGroupMetadata;"),
        Requirement.method(
            "org.apache.kafka.clients.consumer.ConsumerRecord",
            "headers",
            "()Lorg/apache/kafka/common/header/Headers;"),
        Requirement.method(
            "org.apache.kafka.clients.producer.ProducerRecord",
            "headers",
            "()Lorg/apache/kafka/common/header/Headers;"),
        Requirement.method(
            "org.apache.kafka.common.header.Headers",
            "remove",
            "(Ljava/lang/String;)Lorg/apache/kafka/common/header/Headers;"),
        Requirement.method(
            "org.apache.kafka.clients.producer.RecordMetadata", "serializedValueSize", "()I"),
        Requirement.method(
            "org.apache.kafka.clients.consumer.ConsumerRecords",
            "records",
            "(Ljava/lang/String;)Ljava/lang/Iterable;"));
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    List<TypeInstrumentation> instrumentations = new ArrayList<>(kafkaClients());
    if (SPRING_KAFKA) {
      instrumentations.addAll(springKafka());
    }
    return instrumentations;
  }

  private static List<TypeInstrumentation> kafkaClients() {
    return List.of(
        TypeInstrumentation.forTypes(named(PRODUCER))
            .advise(isPublic().and(named("send")).and(takesArguments(2)), ProducerSendAdvice.class),
        TypeInstrumentation.forTypes(named(CONSUMER))
            .advise(isPublic().and(named("poll")).and(takesArguments(1)), ConsumerPollAdvice.class)
            .advise(isPublic().and(named("close")), ConsumerCloseAdvice.class),
        TypeInstrumentation.forTypes(named(RECORDS))
            .advise(
                isPublic().and(named("iterator")).and(takesArguments(0)),
                RecordsIteratorAdvice.class)
            .advise(
                isPublic().and(named("records")).and(takesArgument(0, String.class)),
                RecordsOfTopicAdvice.class)
            .advise(
                isPublic().and(named("records")).and(returns(List.class)),
                RecordsOfPartitionAdvice.class),
        TypeInstrumentation.forLoopsOfUsersOf(
            not(nameStartsWith("org.apache.kafka.")), LoopExits.class));
  }

  /**
   * spring-kafka's listener containers (matched by method name and arguments: a version whose methods differ keeps
   * the kafka-clients spans alone). See {@link RecordHandOff}.
   */
  private static List<TypeInstrumentation> springKafka() {
    ElementMatcher.Junction<MethodDescription> batchInvocation =
        takesArguments(2).and(takesArgument(0, named(RECORDS))).and(takesArgument(1, List.class));
    return List.of(
        TypeInstrumentation.forTypes(named(LISTENER_CONSUMER))
            .advise(named("run").and(takesArguments(0)), SpringListenerThreadAdvice.class)
            .advise(
                named("doInvokeRecordListener")
                    .and(takesArguments(2))
                    .and(
                        takesArgument(
                            0, named("org.apache.kafka.clients.consumer.ConsumerRecord"))),
                SpringRecordListenerAdvice.class)
            .advise(
                named("invokeOnMessage")
                    .and(takesArguments(1))
                    .and(
                        takesArgument(
                            0, named("org.apache.kafka.clients.consumer.ConsumerRecord"))),
                SpringRecordListenerFailureAdvice.class)
            .advise(
                named("invokeBatchOnMessageWithRecordsOrList").and(batchInvocation),
                SpringBatchListenerAdvice.class)
            .advise(
                named("doInvokeBatchOnMessage").and(batchInvocation),
                SpringBatchHandOffAdvice.class),
        TypeInstrumentation.forTypes(named(HANDLER_METHOD))
            .advise(
                named("invoke")
                    .and(takesArguments(2))
                    .and(takesArgument(0, named("org.springframework.messaging.Message"))),
                SpringHandlerMessageAdvice.class)
            .advise(
                named("doInvoke").and(takesArguments(1)).and(takesArgument(0, Object[].class)),
                SpringHandlerMethodAdvice.class));
  }
}
