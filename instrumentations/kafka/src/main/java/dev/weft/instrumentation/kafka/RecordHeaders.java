package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.ByteValuesGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Record headers as the propagators' carrier: values are UTF-8 bytes, which Weft's {@code tracecontext} propagator
 * reads as they are ({@link ByteValuesGetter}).
 */
enum RecordHeaders implements ByteValuesGetter<Headers>, TextMapSetter<Headers> {
  INSTANCE;

  /** Replaces the header rather than adding a second one (a record forwarded with its consumed headers has one). */
  @Override
  public void set(Headers headers, String key, String value) {
    if (headers != null) {
      headers.remove(key);
      headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public byte[] getBytes(Headers headers, String key) {
    Header header = headers == null ? null : headers.lastHeader(key);
    return header == null ? null : header.value();
  }

  @Override
  public String get(Headers headers, String key) {
    byte[] value = getBytes(headers, key);
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public Iterable<String> keys(Headers headers) {
    List<String> keys = new ArrayList<>();
    for (Header header : headers) {
      keys.add(header.key());
    }
    return keys;
  }
}
