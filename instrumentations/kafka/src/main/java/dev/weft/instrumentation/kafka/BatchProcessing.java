package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.SpanErrors;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * One invocation of a batch listener: the {@code process {topic}} CONSUMER span of the batch, current while the
 * listener runs, the child of whatever was current (usually nothing: a new trace), linked to every record's
 * producer, with {@code messaging.batch.message_count}; it records the listener's exception.
 *
 * <p>The collection the application's listener gets (the list of records, or the list of their messages or
 * payloads, one per record in the same order) is handed to it wrapped in a {@link BatchRecordList}: iterating it
 * processes one record at a time, each in a {@code process {topic}} span of its own that is the child of that
 * record's producer and links to the batch span. Whatever is still open when the listener returns, throws or the
 * invocation ends is ended then.
 */
final class BatchProcessing {

  private static final String FRAMEWORK_PACKAGE = "org.springframework.";

  /** The package of spring-kafka's exceptions that wrap a listener's. */
  private static final String LISTENER_PACKAGE = "org.springframework.kafka.listener.";

  private static final ThreadLocal<BatchProcessing> OPEN = new ThreadLocal<>();

  private final Span span;
  private final Scope scope;
  private final ClientIdentity consumer;

  /** The enclosing invocation on this thread, if any (a listener that calls another container's code). */
  private final BatchProcessing enclosing;

  /** The records in the order the listener gets them, and the list object it gets them in. */
  private List<? extends ConsumerRecord<?, ?>> records;

  /** The messages or payloads the framework made of the records, as one list, when it did. */
  private Object converted;

  private boolean listenerRunning;
  private boolean ended;

  private BatchProcessing(
      Span span,
      ClientIdentity consumer,
      List<? extends ConsumerRecord<?, ?>> records,
      BatchProcessing enclosing) {
    this.span = span;
    this.scope = span.makeCurrent();
    this.consumer = consumer;
    this.records = records;
    this.enclosing = enclosing;
  }

  /**
   * A batch listener is invoked with a poll's records.
   *
   * @param recordList the records as the list the listener will get; {@code null} or empty when it gets
   *     {@code polled} itself (spring-kafka 3 passes {@code null}, 4 an empty list)
   */
  static BatchProcessing start(
      ConsumerRecords<?, ?> polled,
      List<? extends ConsumerRecord<?, ?>> recordList,
      ClientIdentity consumer) {
    List<? extends ConsumerRecord<?, ?>> records =
        recordList != null && !recordList.isEmpty() ? recordList : KafkaTracing.inOrder(polled);
    Span span = KafkaTracing.batchSpan("process", "process", records, consumer).startSpan();
    BatchProcessing batch = new BatchProcessing(span, consumer, records, OPEN.get());
    OPEN.set(batch);
    return batch;
  }

  /** The batch whose listener invocation is under way on this thread, if any. */
  static BatchProcessing current() {
    return OPEN.get();
  }

  static boolean listenerRunningOnThisThread() {
    BatchProcessing batch = OPEN.get();
    return batch != null && batch.listenerRunning;
  }

  /**
   * The framework hands the records to its listener as {@code recordList} (a batch interceptor may have made a new
   * one). A listener of the application's own gets it wrapped, and is running from now on; a listener of the
   * framework (an adapter that converts the records and calls the application's method) gets it as it is.
   *
   * @return what the listener gets, and whether its invocation started here, for {@link #listenerReturned()}
   */
  static Object[] handedToListener(
      List<? extends ConsumerRecord<?, ?>> recordList, Object listener) {
    BatchProcessing batch = OPEN.get();
    if (batch == null || batch.listenerRunning || recordList == null) {
      return new Object[] {recordList, Boolean.FALSE};
    }
    batch.records = recordList;
    if (listener == null || listener.getClass().getName().startsWith(FRAMEWORK_PACKAGE)) {
      return new Object[] {recordList, Boolean.FALSE};
    }
    batch.listenerRunning = true;
    return new Object[] {new BatchRecordList<>(recordList, batch), Boolean.TRUE};
  }

  /** The framework converted the records into one message whose payload the application's method may take. */
  static void convertedForListener(Object payload) {
    BatchProcessing batch = OPEN.get();
    if (batch != null && !batch.listenerRunning && payload instanceof List) {
      batch.converted = payload;
    }
  }

  /**
   * The application's listener method is called with {@code arguments}: those that are the batch (its records, or
   * the list of their messages or payloads) are replaced by wrappers that process each record as it is iterated.
   *
   * @return whether the listener's invocation started here
   */
  static boolean listenerCalled(Object[] arguments) {
    BatchProcessing batch = OPEN.get();
    if (batch == null || batch.listenerRunning || arguments == null) {
      return false;
    }
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument != null
          && (argument == batch.records || argument == batch.converted)
          && ((List<?>) argument).size() == batch.records.size()) {
        arguments[i] = new BatchRecordList<>((List<?>) argument, batch);
      }
    }
    batch.listenerRunning = true;
    return true;
  }

  /** The application's listener returned or threw: the record it was handling is done. */
  static void listenerReturned() {
    BatchProcessing batch = OPEN.get();
    if (batch != null) {
      RecordProcessing.endOpenOnThisThread();
      batch.listenerRunning = false;
    }
  }

  boolean isOpen() {
    return !ended;
  }

  ConsumerRecord<?, ?> record(int index) {
    return records.get(index);
  }

  ClientIdentity consumer() {
    return consumer;
  }

  SpanContext spanContext() {
    return span.getSpanContext();
  }

  /** The invocation is over: ends the record still open, then the batch, recording the listener's exception. */
  void end(Throwable thrown) {
    if (ended) {
      return;
    }
    ended = true;
    RecordProcessing.endOpenOnThisThread();
    if (thrown != null) {
      SpanErrors.recordException(span, listenerException(thrown));
    }
    if (OPEN.get() == this) {
      scope.close();
      if (enclosing == null) {
        OPEN.remove();
      } else {
        OPEN.set(enclosing);
      }
    }
    span.end();
  }

  /**
   * The application's exception rather than the framework's wrappers around it
   * ({@code ListenerExecutionFailedException}, a retry topic's {@code TimestampedException}).
   */
  static Throwable listenerException(Throwable thrown) {
    Throwable exception = thrown;
    while (exception.getCause() != null
        && exception.getCause() != exception
        && exception.getClass().getName().startsWith(LISTENER_PACKAGE)) {
      exception = exception.getCause();
    }
    return exception;
  }
}
