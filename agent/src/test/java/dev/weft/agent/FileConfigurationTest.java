package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.tracecontext.TraceContextPropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileConfigurationTest {

  private static final String REALISTIC =
      String.join(
          "\n",
          "file_format: \"1.0\"",
          "resource:",
          "  attributes:",
          "    - name: service.name",
          "      value: shop",
          "    - name: deployment.environment.name",
          "      value: test",
          "tracer_provider:",
          "  processors:",
          "    - batch:",
          "        schedule_delay: 200",
          "        exporter:",
          "          otlp_http:",
          "            endpoint: http://localhost:4318/v1/traces",
          "  sampler:",
          "    parent_based:",
          "      root:",
          "        trace_id_ratio_based:",
          "          ratio: 0.25",
          "propagator:",
          "  composite:",
          "    - tracecontext:",
          "    - baggage:",
          "    - b3:",
          "");

  @TempDir Path dir;

  private String write(String yaml) throws IOException {
    Path file = dir.resolve("otel.yaml");
    Files.writeString(file, yaml);
    return file.toString();
  }

  private static OpenTelemetrySdk create(String file) {
    return FileConfiguration.create(
        file, new ExportPipeline(FileConfigurationTest.class.getClassLoader()));
  }

  @Test
  void aRealisticFileConfiguresTheSdkWithWeftsParts() throws IOException {
    OpenTelemetrySdk sdk = create(write(REALISTIC));
    try {
      String tracerProvider = sdk.getSdkTracerProvider().toString();
      assertTrue(tracerProvider.contains("service.name=\"shop\""), tracerProvider);
      assertTrue(tracerProvider.contains("deployment.environment.name=\"test\""), tracerProvider);
      assertTrue(
          tracerProvider.contains("OtlpHttpSpanExporter{endpoint=http://localhost:4318/v1/traces"),
          tracerProvider);
      assertTrue(
          tracerProvider.contains("ParentBased{root:TraceIdRatioBased{0.250000}"), tracerProvider);

      Map<String, String> headers = new HashMap<>();
      SpanContext span =
          SpanContext.create(
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b7169203331",
              TraceFlags.getSampled(),
              TraceState.getDefault());
      sdk.getPropagators()
          .getTextMapPropagator()
          .inject(Context.root().with(Span.wrap(span)), headers, Map::put);
      assertEquals(
          "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", headers.get("traceparent"));
      String propagators = sdk.getPropagators().getTextMapPropagator().toString();
      assertTrue(propagators.contains(TraceContextPropagator.INSTANCE.toString()), propagators);
      assertTrue(!propagators.contains("W3CTraceContextPropagator"), propagators);
      assertEquals("0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-1", headers.get("b3"));
    } finally {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  /** Weft records traces only: a meter or logger provider would export nothing, so it is named and left out. */
  @Test
  void meterAndLoggerProvidersAreLeftOutWithAWarning() throws IOException {
    String file =
        write(
            String.join(
                "\n",
                REALISTIC,
                "meter_provider:",
                "  readers:",
                "    - periodic:",
                "        exporter:",
                "          otlp_http:",
                "logger_provider:",
                "  processors:",
                "    - batch:",
                "        exporter:",
                "          otlp_http:",
                ""));
    OpenTelemetrySdk[] sdk = new OpenTelemetrySdk[1];
    String stderr = StderrCapture.of(() -> sdk[0] = create(file));
    try {
      assertEquals(2, stderr.lines().count(), stderr);
      assertTrue(stderr.contains(file + ": meter_provider has no effect"), stderr);
      assertTrue(stderr.contains(file + ": logger_provider has no effect"), stderr);
      String meterProvider = sdk[0].getSdkMeterProvider().toString();
      assertTrue(meterProvider.contains("metricReaders=[]"), meterProvider);
      assertTrue(
          sdk[0].getSdkTracerProvider().toString().contains("OtlpHttpSpanExporter"),
          sdk[0].getSdkTracerProvider().toString());
    } finally {
      sdk[0].shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCompositeListNamesWeftsTraceContext() {
    assertEquals(
        "weft_tracecontext, baggage,b3",
        FileConfiguration.withWeftTraceContext("tracecontext, baggage,b3"));
    assertEquals("b3multi", FileConfiguration.withWeftTraceContext("b3multi"));
  }

  @Test
  void theCompositeListCarriesWeftsTraceContext() throws IOException {
    OpenTelemetrySdk sdk =
        create(
            write("file_format: \"1.0\"\npropagator:\n  composite_list: tracecontext,baggage\n"));
    try {
      assertTrue(
          sdk.getPropagators()
              .getTextMapPropagator()
              .toString()
              .contains(TraceContextPropagator.INSTANCE.toString()),
          sdk.getPropagators().getTextMapPropagator().toString());
    } finally {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void disabledTurnsTracingOff() throws IOException {
    assertNull(create(write("file_format: \"1.0\"\ndisabled: true\n")));
  }

  @Test
  void anInvalidFileIsNamedWithItsProblem() throws IOException {
    String file = write("file_format: \"1.0\"\ntracer_provider:\n  processors: 12\n");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> create(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("processors"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void anUnsupportedFileFormatIsNamed() throws IOException {
    String file = write("file_format: \"9.0\"\n");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> create(file));
    assertTrue(e.getMessage().contains("9.0"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    String file = dir.resolve("absent.yaml").toString();
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> create(file));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void withoutServiceNameTheDetectedOneIsAdded() throws IOException {
    String command = System.getProperty("sun.java.command");
    System.setProperty("sun.java.command", "/opt/app/orders-service.jar --port 8080");
    OpenTelemetrySdk sdk = null;
    try {
      sdk = create(write("file_format: \"1.0\"\ntracer_provider:\n  processors: []\n"));
      assertNotNull(sdk);
      String tracerProvider = sdk.getSdkTracerProvider().toString();
      assertTrue(tracerProvider.contains("service.name=\"orders-service\""), tracerProvider);
    } finally {
      if (command == null) {
        System.clearProperty("sun.java.command");
      } else {
        System.setProperty("sun.java.command", command);
      }
      if (sdk != null) {
        sdk.shutdown().join(5, TimeUnit.SECONDS);
      }
    }
  }
}
