package dev.weft.agent.zipkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZipkinJsonTest {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static SpanData span(
      SpanKind kind,
      String parentId,
      StatusData status,
      Attributes attributes,
      List<EventData> events) {
    SpanContext context =
        SpanContext.create(
            TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
    SpanContext parent =
        parentId == null
            ? SpanContext.getInvalid()
            : SpanContext.createFromRemoteParent(
                TRACE_ID, parentId, TraceFlags.getSampled(), TraceState.getDefault());
    return new SpanData() {
      @Override
      public String getName() {
        return "GET /shop/\"hello\"";
      }

      @Override
      public SpanKind getKind() {
        return kind;
      }

      @Override
      public SpanContext getSpanContext() {
        return context;
      }

      @Override
      public SpanContext getParentSpanContext() {
        return parent;
      }

      @Override
      public StatusData getStatus() {
        return status;
      }

      @Override
      public long getStartEpochNanos() {
        return 1_700_000_000_123_456_789L;
      }

      @Override
      public Attributes getAttributes() {
        return attributes;
      }

      @Override
      public List<EventData> getEvents() {
        return events;
      }

      @Override
      public List<LinkData> getLinks() {
        return List.of();
      }

      @Override
      public long getEndEpochNanos() {
        return 1_700_000_000_125_456_789L;
      }

      @Override
      public boolean hasEnded() {
        return true;
      }

      @Override
      public int getTotalRecordedEvents() {
        return events.size();
      }

      @Override
      public int getTotalRecordedLinks() {
        return 0;
      }

      @Override
      public int getTotalAttributeCount() {
        return attributes.size();
      }

      @SuppressWarnings("deprecation")
      @Override
      public io.opentelemetry.sdk.common.InstrumentationLibraryInfo
          getInstrumentationLibraryInfo() {
        return io.opentelemetry.sdk.common.InstrumentationLibraryInfo.create(
            "dev.weft.servlet", null);
      }

      @Override
      public InstrumentationScopeInfo getInstrumentationScopeInfo() {
        return InstrumentationScopeInfo.create("dev.weft.servlet");
      }

      @Override
      public Resource getResource() {
        return Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop"));
      }
    };
  }

  @Test
  void serverSpanWithItsParentTagsAndAnnotations() {
    Attributes attributes =
        Attributes.builder()
            .put("http.request.method", "GET")
            .put("http.response.status_code", 500L)
            .put(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
            .build();
    String json =
        ZipkinJson.encode(
            List.of(
                span(
                    SpanKind.SERVER,
                    "1234567890abcdef",
                    StatusData.create(StatusCode.ERROR, "boom"),
                    attributes,
                    List.of(
                        EventData.create(
                            1_700_000_000_124_000_000L, "exception", Attributes.empty())))));
    assertEquals(
        "[{\"traceId\":\""
            + TRACE_ID
            + "\",\"parentId\":\"1234567890abcdef\",\"id\":\"00f067aa0ba902b7\","
            + "\"kind\":\"SERVER\",\"name\":\"GET /shop/\\\"hello\\\"\",\"timestamp\":1700000000123456,\"duration\":2000,"
            + "\"localEndpoint\":{\"serviceName\":\"shop\"},"
            + "\"annotations\":[{\"timestamp\":1700000000124000,\"value\":\"exception\"}],"
            + "\"tags\":{\"http.request.method\":\"GET\",\"http.response.status_code\":\"500\",\"tags\":\"a,b\","
            + "\"otel.status_code\":\"ERROR\",\"error\":\"boom\",\"otel.scope.name\":\"dev.weft.servlet\"}}]",
        json);
  }

  @Test
  void rootInternalSpanHasNoParentAndNoKind() {
    String json =
        ZipkinJson.encode(
            List.of(
                span(SpanKind.INTERNAL, null, StatusData.unset(), Attributes.empty(), List.of())));
    assertEquals(
        "[{\"traceId\":\""
            + TRACE_ID
            + "\",\"id\":\"00f067aa0ba902b7\","
            + "\"name\":\"GET /shop/\\\"hello\\\"\",\"timestamp\":1700000000123456,\"duration\":2000,"
            + "\"localEndpoint\":{\"serviceName\":\"shop\"},\"tags\":{\"otel.scope.name\":\"dev.weft.servlet\"}}]",
        json);
  }

  @Test
  void controlCharactersAreEscaped() {
    StringBuilder json = new StringBuilder();
    ZipkinJson.string("a\nb\u0001\\", json);
    assertEquals("\"a\\nb\\u0001\\\\\"", json.toString());
  }
}
