package dev.weft.instrumentation.opentelemetryapi;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application's {@code GlobalOpenTelemetry.set} is ignored (Weft's SDK stays the global one): said once per JVM,
 * on stderr like every message of the agent's.
 */
public final class IgnoredGlobalSet {

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private IgnoredGlobalSet() {}

  public static void report() {
    if (WARNED.compareAndSet(false, true)) {
      System.err.println(
          "[weft] WARN the application's GlobalOpenTelemetry.set is ignored: its OpenTelemetry API"
              + " is bridged to the agent's SDK, configured by the otel.* settings");
    }
  }
}
