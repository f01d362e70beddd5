package dev.weft.agent.otlpjson;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;

/** Writes each batch as one line of OTLP JSON (see the package description). */
final class OtlpJsonStdoutSpanExporter implements SpanExporter {

  private final PrintStream out;
  private volatile boolean shutdown;

  OtlpJsonStdoutSpanExporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown) {
      return CompletableResultCode.ofFailure();
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream(spans.size() * 512);
    try {
      TraceRequestMarshaler.create(spans).writeJsonTo(line);
    } catch (IOException | RuntimeException e) {
      return CompletableResultCode.ofExceptionalFailure(e);
    }
    line.write('\n');
    out.write(line.toByteArray(), 0, line.size()); // one synchronized write: the line stays whole
    out.flush();
    return out.checkError() ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    out.flush();
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    shutdown = true;
    return flush();
  }

  @Override
  public String toString() {
    return "OtlpJsonStdoutSpanExporter";
  }
}
