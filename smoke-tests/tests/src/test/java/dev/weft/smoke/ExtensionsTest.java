package dev.weft.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code otel.javaagent.extensions} with the example extension (examples/extension): its sampler chosen by
 * {@code otel.traces.sampler}, its instrumentation module woven in like a built-in one.
 */
class ExtensionsTest {

  private static final Path EXTENSION = Path.of(System.getProperty("weft.example-extension.jar"));

  @Test
  void extensionSamplerAndModuleWork() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("HelloWorld")
                .exportingTo(receiver)
                .with("otel.javaagent.extensions", EXTENSION.toString())
                .with("otel.traces.sampler", "example-tagging")
                .with("otel.traces.sampler.arg", "from-extension")
                .with(
                    "otel.instrumentation.example-main-span.class-name",
                    "dev.weft.smoke.apps.HelloWorld")
                .start()) {
      assertEquals(0, app.awaitExit());
      assertTrue(app.stdout().contains("hello, world"), app.stdout());
      ReceivedSpan main = receiver.awaitOne(span -> span.name().equals("HelloWorld.main"));
      assertEquals(Span.SpanKind.SPAN_KIND_INTERNAL, main.kind());
      assertEquals(
          "from-extension", main.attribute("example.sampler"), "the extension's sampler decided");
      assertEquals(List.of(), app.stderrLinesWith("[weft]"), app.stderr());
    }
  }

  @Test
  void directoryAndListFormsLoadTheSameExtension(@org.junit.jupiter.api.io.TempDir Path directory)
      throws Exception {
    Files.copy(EXTENSION, directory.resolve("example.jar"));
    for (String setting : List.of(directory.toString(), "/no/such/extension.jar," + EXTENSION)) {
      try (OtlpReceiver receiver = new OtlpReceiver();
          AppProcess app =
              AppProcess.app("HelloWorld")
                  .exportingTo(receiver)
                  .with("otel.javaagent.extensions", setting)
                  .with(
                      "otel.instrumentation.example-main-span.class-name",
                      "dev.weft.smoke.apps.HelloWorld")
                  .start()) {
        assertEquals(0, app.awaitExit());
        receiver.awaitOne(span -> span.name().equals("HelloWorld.main"));
        List<String> warnings = app.stderrLinesWith("[weft]");
        if (setting.startsWith("/no/such")) {
          assertEquals(1, warnings.size(), app.stderr());
          assertTrue(warnings.get(0).contains("/no/such/extension.jar"), warnings.get(0));
        } else {
          assertEquals(List.of(), warnings, app.stderr());
        }
      }
    }
  }

  @Test
  void disabledExtensionModuleMakesNoSpan() throws Exception {
    try (OtlpReceiver receiver = new OtlpReceiver();
        AppProcess app =
            AppProcess.app("HelloWorld")
                .exportingTo(receiver)
                .with("otel.javaagent.extensions", EXTENSION.toString())
                .with("otel.instrumentation.example-main-span.enabled", "false")
                .with(
                    "otel.instrumentation.example-main-span.class-name",
                    "dev.weft.smoke.apps.HelloWorld")
                .start()) {
      assertEquals(0, app.awaitExit());
      assertEquals(List.of(), receiver.all());
      // the extension module's name is known: no warning of an unknown instrumentation
      assertEquals(List.of(), app.stderrLinesWith("[weft]"), app.stderr());
    }
  }
}
