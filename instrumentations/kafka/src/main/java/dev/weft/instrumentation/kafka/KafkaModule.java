package dev.weft.instrumentation.kafka;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.bootstrap.Settings;
import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Kafka producer and consumer spans, with the context carried in record headers. */
public final class KafkaModule extends InstrumentationModule {

  private static final String ADVICE = "dev.weft.instrumentation.kafka.";
  private static final String PRODUCER = "org/apache/kafka/clients/producer/KafkaProducer";
  private static final String CONSUMER = "org/apache/kafka/clients/consumer/KafkaConsumer";
  private static final String RECORDS = "org/apache/kafka/clients/consumer/ConsumerRecords";
  /** spring-kafka's consumer thread, and spring-messaging's call of a listener method. */
  private static final String LISTENER_CONSUMER =
      "org/springframework/kafka/listener/KafkaMessageListenerContainer$ListenerConsumer";
  private static final String HANDLER_METHOD =
      "org/springframework/messaging/handler/invocation/InvocableHandlerMethod";

  /** Whether spring-kafka's listener containers are traced as such (else only their kafka-clients calls are). */
  private static final boolean SPRING_KAFKA = Settings.getBoolean("otel.instrumentation.spring-kafka.enabled",
      Settings.getBoolean("otel.instrumentation.common.default-enabled", true));

  public KafkaModule() {
    super("kafka");
  }

  @Override
  public String supportedVersions() {
    return "kafka-clients 2.6 to 4.x";
  }

  @Override
  public boolean mayApplyTo(String internalName) {
    if (internalName.startsWith("org/apache/kafka/clients/")) {
      return internalName.equals(PRODUCER) || internalName.equals(CONSUMER) || internalName.equals(RECORDS);
    }
    return SPRING_KAFKA && (internalName.equals(LISTENER_CONSUMER) || internalName.equals(HANDLER_METHOD));
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
    List<TypeInstrumentation> instrumentations = new ArrayList<>(kafkaClients());
    if (SPRING_KAFKA) {
      instrumentations.addAll(springKafka());
    }
    return instrumentations;
  }

  private static List<TypeInstrumentation> kafkaClients() {
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

  /**
   * spring-kafka's listener containers (matched by method name and arguments: a version whose methods differ keeps
   * the kafka-clients spans alone). See {@link RecordHandOff}.
   */
  private static List<TypeInstrumentation> springKafka() {
    ElementMatcher.Junction<MethodDescription> batchInvocation = takesArguments(2)
        .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerRecords")))
        .and(takesArgument(1, List.class));
    return List.of(
        TypeInstrumentation.forTypes(named(LISTENER_CONSUMER.replace('/', '.')))
            .advise(named("run").and(takesArguments(0)), ADVICE + "SpringListenerThreadAdvice")
            .advise(named("doInvokeRecordListener").and(takesArguments(2))
                .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerRecord"))),
                ADVICE + "SpringRecordListenerAdvice")
            .advise(named("invokeOnMessage").and(takesArguments(1))
                .and(takesArgument(0, named("org.apache.kafka.clients.consumer.ConsumerRecord"))),
                ADVICE + "SpringRecordListenerFailureAdvice")
            .advise(named("invokeBatchOnMessageWithRecordsOrList").and(batchInvocation),
                ADVICE + "SpringBatchListenerAdvice")
            .advise(named("doInvokeBatchOnMessage").and(batchInvocation), ADVICE + "SpringBatchHandOffAdvice"),
        TypeInstrumentation.forTypes(named(HANDLER_METHOD.replace('/', '.')))
            .advise(named("invoke").and(takesArguments(2))
                .and(takesArgument(0, named("org.springframework.messaging.Message"))),
                ADVICE + "SpringHandlerMessageAdvice")
            .advise(named("doInvoke").and(takesArguments(1)).and(takesArgument(0, Object[].class)),
                ADVICE + "SpringHandlerMethodAdvice"));
  }
}
