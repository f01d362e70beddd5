package dev.weft.otlp;

import static dev.weft.otlp.ProtobufOutput.FIXED32;
import static dev.weft.otlp.ProtobufOutput.FIXED64;
import static dev.weft.otlp.ProtobufOutput.VARINT;
import static dev.weft.otlp.ProtobufOutput.tag;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.internal.W3CTraceContextEncoding;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.exporter.internal.marshal.Serializer;
import io.opentelemetry.exporter.internal.otlp.InstrumentationScopeMarshaler;
import io.opentelemetry.exporter.internal.otlp.ResourceMarshaler;
import io.opentelemetry.exporter.internal.otlp.traces.SpanFlags;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.common.export.MessageWriter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A batch of spans as an OTLP {@code ExportTraceServiceRequest} in protobuf, written in one pass into an array this
 * marshaler keeps for the next batch ({@link ProtobufOutput}). It writes the fields the SDK's {@code
 * TraceRequestMarshaler} writes, in the same order and with the same defaults left out, so the bytes are the same
 * for spans of one resource and scope (spans are grouped by resource, then by instrumentation scope, in the order
 * they first appear; the SDK orders the groups by identity hash). The resource and the
 * scope, which repeat in every batch, are encoded by the SDK's own {@link ResourceMarshaler} and {@link
 * InstrumentationScopeMarshaler}, which keep their bytes.
 *
 * <p>Given to the SDK's OTLP exporters in place of their marshaler: they ask it for {@link #toBinaryMessageWriter()}
 * only. Not thread-safe: one batch at a time, and the bytes must stay until the export ends.
 */
public final class SpanBatchMarshaler extends Marshaler implements MessageWriter {

  // ExportTraceServiceRequest
  private static final int RESOURCE_SPANS = 1;
  // ResourceSpans and ScopeSpans
  private static final int RESOURCE = 1;
  private static final int SCOPE_SPANS = 2;
  private static final int SCOPE = 1;
  private static final int SPANS = 2;
  private static final int SCHEMA_URL = 3;
  // Span
  private static final int TRACE_ID = 1;
  private static final int SPAN_ID = 2;
  private static final int TRACE_STATE = 3;
  private static final int PARENT_SPAN_ID = 4;
  private static final int NAME = 5;
  private static final int KIND = 6;
  private static final int START_TIME = 7;
  private static final int END_TIME = 8;
  private static final int ATTRIBUTES = 9;
  private static final int DROPPED_ATTRIBUTES_COUNT = 10;
  private static final int EVENTS = 11;
  private static final int DROPPED_EVENTS_COUNT = 12;
  private static final int LINKS = 13;
  private static final int DROPPED_LINKS_COUNT = 14;
  private static final int STATUS = 15;
  private static final int FLAGS = 16;
  // Span.Event
  private static final int EVENT_TIME = 1;
  private static final int EVENT_NAME = 2;
  private static final int EVENT_ATTRIBUTES = 3;
  private static final int EVENT_DROPPED_ATTRIBUTES_COUNT = 4;
  // Span.Link
  private static final int LINK_TRACE_ID = 1;
  private static final int LINK_SPAN_ID = 2;
  private static final int LINK_TRACE_STATE = 3;
  private static final int LINK_ATTRIBUTES = 4;
  private static final int LINK_DROPPED_ATTRIBUTES_COUNT = 5;
  private static final int LINK_FLAGS = 6;
  // Status
  private static final int STATUS_MESSAGE = 2;
  private static final int STATUS_CODE = 3;

  /** A span of about ten attributes takes about 450 bytes; the array grows to the largest batch and stays. */
  private static final int INITIAL_CAPACITY = 64 * 1024;

  private final ProtobufOutput out = new ProtobufOutput(INITIAL_CAPACITY);
  private final AttributeEncoder attributes = new AttributeEncoder(out);

  // the batch grouped: groups (resource, scope) in order of first appearance, spans in order of
  // their group
  private final List<Resource> groupResources = new ArrayList<>();
  private final List<InstrumentationScopeInfo> groupScopes = new ArrayList<>();
  private int[] groupSizes = new int[4];
  private int[] groupOf = new int[0];
  private SpanData[] spans = new SpanData[0];
  private SpanData[] grouped = new SpanData[0];

  /** Writes the request for {@code batch}. */
  public void initialize(Collection<SpanData> batch) {
    out.reset();
    int count = group(batch);
    int groups = groupResources.size();
    int first = 0;
    for (int g = 0; g < groups; g++) {
      if (firstGroupOf(groupResources.get(g)) == g) {
        resourceSpans(g, first);
      }
      first += groupSizes[g];
    }
    Arrays.fill(spans, 0, count, null);
  }

  /** Lets go of the spans of the last batch; the array stays for the next. */
  public void reset() {
    Arrays.fill(grouped, null);
    groupResources.clear();
    groupScopes.clear();
    out.reset();
  }

  @Override
  public int getBinarySerializedSize() {
    return out.size();
  }

  @Override
  public MessageWriter toBinaryMessageWriter() {
    return this;
  }

  @Override
  public void writeMessage(OutputStream output) throws IOException {
    output.write(out.array(), 0, out.size());
  }

  @Override
  public int getContentLength() {
    return out.size();
  }

  /** Only the binary form is written, by {@link #toBinaryMessageWriter()}; the exporters ask for nothing else. */
  @Override
  protected void writeTo(Serializer output) {
    throw new UnsupportedOperationException("OTLP protobuf only, through toBinaryMessageWriter()");
  }

  /**
   * Fills {@link #grouped} with the batch in order of group, {@link #groupSizes} with each group's size.
   *
   * @return the number of spans
   */
  private int group(Collection<SpanData> batch) {
    groupResources.clear();
    groupScopes.clear();
    int count = batch.size();
    if (spans.length < count) {
      spans = new SpanData[count];
      grouped = new SpanData[count];
      groupOf = new int[count];
    }
    int i = 0;
    int last = -1;
    for (SpanData span : batch) {
      Resource resource = span.getResource();
      InstrumentationScopeInfo scope = span.getInstrumentationScopeInfo();
      if (last < 0 || groupResources.get(last) != resource || groupScopes.get(last) != scope) {
        last = groupOf(resource, scope);
      }
      spans[i] = span;
      groupOf[i++] = last;
      groupSizes[last]++;
    }
    int groups = groupResources.size();
    // each group's first index in grouped, then the spans in their places
    int[] next = new int[groups];
    for (int g = 1; g < groups; g++) {
      next[g] = next[g - 1] + groupSizes[g - 1];
    }
    for (int s = 0; s < i; s++) {
      grouped[next[groupOf[s]]++] = spans[s];
    }
    return i;
  }

  /** Resources and scopes are told apart by identity, as the SDK's marshaler does. */
  private int firstGroupOf(Resource resource) {
    int g = 0;
    while (groupResources.get(g) != resource) {
      g++;
    }
    return g;
  }

  private int groupOf(Resource resource, InstrumentationScopeInfo scope) {
    for (int g = 0; g < groupResources.size(); g++) {
      if (groupResources.get(g) == resource && groupScopes.get(g) == scope) {
        return g;
      }
    }
    int g = groupResources.size();
    groupResources.add(resource);
    groupScopes.add(scope);
    if (groupSizes.length <= g) {
      groupSizes = Arrays.copyOf(groupSizes, 2 * g);
    }
    groupSizes[g] = 0;
    return g;
  }

  /** The resource of group {@code firstGroup} with the spans of every group of that resource. */
  private void resourceSpans(int firstGroup, int firstSpan) {
    Resource resource = groupResources.get(firstGroup);
    int resourceSpans = out.startLengthDelimited(RESOURCE_SPANS, 3);
    out.bytesField(RESOURCE, encoded(ResourceMarshaler.create(resource)));
    int start = firstSpan;
    for (int g = firstGroup; g < groupResources.size(); g++) {
      if (groupResources.get(g) == resource) {
        scopeSpans(groupScopes.get(g), start, start + groupSizes[g]);
      }
      start += groupSizes[g];
    }
    stringIfAny(SCHEMA_URL, resource.getSchemaUrl());
    out.endLengthDelimited(resourceSpans);
  }

  private void scopeSpans(InstrumentationScopeInfo scope, int from, int to) {
    int scopeSpans = out.startLengthDelimited(SCOPE_SPANS, 3);
    out.bytesField(SCOPE, encoded(InstrumentationScopeMarshaler.create(scope)));
    for (int i = from; i < to; i++) {
      int span = out.startLengthDelimited(SPANS, 2);
      span(grouped[i]);
      out.endLengthDelimited(span);
    }
    stringIfAny(SCHEMA_URL, scope.getSchemaUrl());
    out.endLengthDelimited(scopeSpans);
  }

  private void span(SpanData span) {
    SpanContext context = span.getSpanContext();
    SpanContext parent = span.getParentSpanContext();
    out.hexField(TRACE_ID, context.getTraceId());
    out.hexField(SPAN_ID, context.getSpanId());
    traceState(TRACE_STATE, context.getTraceState());
    if (parent.isValid()) {
      out.hexField(PARENT_SPAN_ID, parent.getSpanId());
    }
    stringIfAny(NAME, span.getName());
    out.varint(tag(KIND, VARINT));
    out.varint(kind(span));
    fixed64IfAny(START_TIME, span.getStartEpochNanos());
    fixed64IfAny(END_TIME, span.getEndEpochNanos());
    attributes.write(ATTRIBUTES, span.getAttributes());
    uint32IfAny(
        DROPPED_ATTRIBUTES_COUNT, span.getTotalAttributeCount() - span.getAttributes().size());
    List<EventData> events = span.getEvents();
    for (int i = 0; i < events.size(); i++) {
      event(events.get(i));
    }
    uint32IfAny(DROPPED_EVENTS_COUNT, span.getTotalRecordedEvents() - events.size());
    List<LinkData> links = span.getLinks();
    for (int i = 0; i < links.size(); i++) {
      link(links.get(i));
    }
    uint32IfAny(DROPPED_LINKS_COUNT, span.getTotalRecordedLinks() - links.size());
    status(span.getStatus());
    out.varint(tag(FLAGS, FIXED32));
    out.fixed32(SpanFlags.withParentIsRemoteFlags(context.getTraceFlags(), parent.isRemote()));
  }

  private void event(EventData event) {
    int start = out.startLengthDelimited(EVENTS, 1);
    fixed64IfAny(EVENT_TIME, event.getEpochNanos());
    stringIfAny(EVENT_NAME, event.getName());
    attributes.write(EVENT_ATTRIBUTES, event.getAttributes());
    uint32IfAny(
        EVENT_DROPPED_ATTRIBUTES_COUNT,
        event.getTotalAttributeCount() - event.getAttributes().size());
    out.endLengthDelimited(start);
  }

  private void link(LinkData link) {
    SpanContext context = link.getSpanContext();
    int start = out.startLengthDelimited(LINKS, 1);
    out.hexField(LINK_TRACE_ID, context.getTraceId());
    out.hexField(LINK_SPAN_ID, context.getSpanId());
    traceState(LINK_TRACE_STATE, context.getTraceState());
    attributes.write(LINK_ATTRIBUTES, link.getAttributes());
    uint32IfAny(
        LINK_DROPPED_ATTRIBUTES_COUNT, link.getTotalAttributeCount() - link.getAttributes().size());
    out.varint(tag(LINK_FLAGS, FIXED32));
    out.fixed32(SpanFlags.withParentIsRemoteFlags(context.getTraceFlags(), context.isRemote()));
    out.endLengthDelimited(start);
  }

  /** Written even when unset, as the SDK does. */
  private void status(StatusData status) {
    int start = out.startLengthDelimited(STATUS, 1);
    stringIfAny(STATUS_MESSAGE, status.getDescription());
    switch (status.getStatusCode()) {
      case OK:
        out.varint(tag(STATUS_CODE, VARINT));
        out.varint(1);
        break;
      case ERROR:
        out.varint(tag(STATUS_CODE, VARINT));
        out.varint(2);
        break;
      case UNSET:
        break;
    }
    out.endLengthDelimited(start);
  }

  private static int kind(SpanData span) {
    switch (span.getKind()) {
      case INTERNAL:
        return 1;
      case SERVER:
        return 2;
      case CLIENT:
        return 3;
      case PRODUCER:
        return 4;
      case CONSUMER:
        return 5;
    }
    return 0;
  }

  private void traceState(int field, TraceState traceState) {
    if (!traceState.isEmpty()) {
      stringIfAny(field, W3CTraceContextEncoding.encodeTraceState(traceState));
    }
  }

  private void stringIfAny(int field, String value) {
    if (value != null && !value.isEmpty()) {
      out.stringField(field, value);
    }
  }

  private void fixed64IfAny(int field, long value) {
    if (value != 0) {
      out.varint(tag(field, FIXED64));
      out.fixed64(value);
    }
  }

  private void uint32IfAny(int field, int value) {
    if (value != 0) {
      out.varint(tag(field, VARINT));
      out.varint(value);
    }
  }

  /** The content of a message the SDK keeps encoded (a resource, a scope): once per group and batch. */
  private static byte[] encoded(Marshaler message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.getBinarySerializedSize());
    try {
      message.writeBinaryTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
