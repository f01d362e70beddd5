/**
 * Kafka PRODUCER and CONSUMER spans for kafka-clients 2.6 to 4.x, with the context carried in record headers
 * (messaging semantic conventions v1.37).
 *
 * <p>Design choices:
 * <ul>
 *   <li><b>Producer.</b> {@code KafkaProducer.send(record, callback)} ({@link ProducerSendAdvice}) starts
 *       {@code send {topic}}, writes its context into the record's headers ({@link RecordHeaders}) and hands the
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
 *   <li><b>Poll spans</b> ({@link PollSpans}, off by default): one {@code poll {topic}} span per non-empty poll,
 *       linked to every record's producer context.</li>
 *   <li><b>Client identity.</b> {@code messaging.client.id} and the consumer group are read once per client
 *       from the client's metric tags ({@link ClientIdentity}): the clients expose them nowhere else.</li>
 * </ul>
 */
package dev.weft.instrumentation.kafka;
