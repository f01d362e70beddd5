/**
 * Kafka PRODUCER and CONSUMER spans for kafka-clients 2.6 to 4.x, with the context carried in record headers
 * (messaging semantic conventions v1.37), and spring-kafka's record and batch listeners (spring-kafka 3.x and 4.x;
 * {@code otel.instrumentation.spring-kafka.enabled}).
 *
 * <p>Design choices:
 * <ul>
 *   <li><b>Producer.</b> {@code KafkaProducer.send(record, callback)} ({@link ProducerSendAdvice}) starts
 *       {@code send {topic}}, writes its context into the record's headers ({@link RecordHeaders}, which hand the
 *       {@code tracecontext} propagator a consumed header's bytes as they are: no string is decoded per record) and hands the
 *       producer a {@link TracingCallback} in place of the application's: the span ends on the broker's answer,
 *       and the application's callback then runs with the sender's context current. A record sent twice has
 *       read-only headers; it keeps its first context and nothing is thrown.</li>
 *   <li><b>Consumer: a span per record where the application handles it.</b> A poll only fetches; the work is
 *       done while the application iterates the records. So {@code ConsumerRecords.iterator()},
 *       {@code records(topic)} and {@code records(partition)} hand out wrappers ({@link TracingRecordIterator},
 *       {@link TracingRecordIterable}, {@link TracingRecordList}) that start {@code process {topic}} for each
 *       record handed out, the child of its producer's context, current until the loop asks for the next record
 *       ({@link RecordProcessing}). This keeps each record's work in its producer's trace, which one span per poll
 *       cannot do.</li>
 *   <li><b>Loop exits.</b> A loop left by {@code break} or {@code return} never asks for the next record, so the
 *       agent rewrites the loops of application classes that name {@code ConsumerRecords}
 *       ({@code IteratorLoopExits}, calling {@link LoopExits}); a loop left by an exception, or an iterator
 *       abandoned, ends at the consumer's next poll or close on that thread.</li>
 *   <li><b>Iteration inside {@code poll}</b> (consumer interceptors) makes no spans: {@link PolledRecords} knows
 *       which records a poll returned and whether the thread is still inside {@code poll}.</li>
 *   <li><b>Records handed on are processed where they are consumed.</b> The rule behind every consumer span: a record
 *       is processed where the application gets it, one record at a time, not where code only moves it. A poll's
 *       records iterated by the application make process spans, as above. A framework that hands records on
 *       (a listener container) iterates them too, only to move them: to copy a poll into the list a batch listener
 *       gets, to hand the rest of a poll to its error handler, to acknowledge or seek. Its thread is a hand-off
 *       thread ({@link RecordHandOff}): iterating records there makes no spans, and the records are processed where
 *       the framework hands them to the application:
 *       <ul>
 *         <li>one record to a record listener: that delivery, with the container's error handling of it, is the
 *             record's span ({@link SpringRecordListenerAdvice}), so each delivery attempt (a retry by seeking, a
 *             {@code @RetryableTopic} retry) is a span of its own in the producer's trace, and a record sent to a
 *             retry or dead-letter topic while it fails continues that trace;</li>
 *         <li>a collection to a batch listener: the invocation is the batch's span ({@link BatchProcessing}, linked
 *             to every record's producer), and the collection the application's method gets (the list of records,
 *             of their messages or of their payloads, or the {@code ConsumerRecords}) processes each record as the
 *             method takes it ({@link BatchRecordList}): each record's span is its producer's child, so the work
 *             done for it (an HTTP call per record) is in its producer's trace. A method that never takes the
 *             records one by one leaves the batch span alone. Collections the framework makes on the way (the
 *             messages made of the records) are moved, not consumed: only the one the application's method gets
 *             is wrapped, matched by identity where spring-messaging calls the method
 *             ({@link SpringHandlerMethodAdvice}).</li>
 *       </ul>
 *       A framework is taught where its hand-off thread runs and where it hands records to the application, and
 *       nothing else: no copying loop is special-cased. Every record and batch span ends, and its context stops
 *       being current, when the listener returns or throws, at the latest. (The OpenTelemetry agent also silences
 *       the container's iteration, but makes the batch span alone: a batch listener's work then falls out of every
 *       producer's trace.) In the same spirit, copying a partition's records ({@code addAll}, {@code toArray})
 *       processes nothing.</li>
 *   <li><b>Poll spans</b> ({@link PollSpans}, off by default): one {@code poll {topic}} span per non-empty poll,
 *       linked to every record's producer context.</li>
 *   <li><b>Client identity.</b> {@code messaging.client.id} and the consumer group are read once per client
 *       from the client's metric tags ({@link ClientIdentity}): the clients expose them nowhere else.</li>
 * </ul>
 */
package dev.weft.instrumentation.kafka;
