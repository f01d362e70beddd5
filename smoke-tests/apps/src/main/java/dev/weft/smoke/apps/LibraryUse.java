package dev.weft.smoke.apps;

import com.google.protobuf.Value;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Uses the application's own versions of libraries that the agent also uses, and reports which copies it got:
 * the agent must neither replace them nor be visible beside them.
 */
final class LibraryUse {

  private LibraryUse() {}

  static String exercise(int port) throws java.io.IOException {
    StringBuilder report = new StringBuilder();
    try (Response response =
        new OkHttpClient()
            .newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/shop/hello").build())
            .execute()) {
      report
          .append("okhttp=")
          .append(response.code())
          .append(' ')
          .append(okhttp3.internal.Version.userAgent());
    }
    Value value = Value.newBuilder().setStringValue("weft").build();
    report.append("\nprotobuf=").append(Value.parseFrom(value.toByteArray()).getStringValue());
    Class<?> generated =
        new ByteBuddy()
            .subclass(Object.class)
            .name("dev.weft.smoke.apps.Generated")
            .make()
            .load(LibraryUse.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
            .getLoaded();
    report.append("\nbytebuddy=").append(generated.getName());
    Span span = GlobalOpenTelemetry.getTracer("app").spanBuilder("app-span").startSpan();
    report.append("\notel-api=").append(span.getSpanContext().isValid() ? "recording" : "noop");
    span.end();
    for (Class<?> type :
        new Class<?>[] {OkHttpClient.class, Value.class, ByteBuddy.class, Span.class}) {
      report.append("\nloaded-from=").append(jarName(type));
    }
    report.append("\nagent-sdk-visible=").append(visible("io.opentelemetry.sdk.OpenTelemetrySdk"));
    report.append("\nagent-internals-visible=").append(visible("dev.weft.agent.AgentStarter"));
    return report.toString();
  }

  private static String jarName(Class<?> type) {
    String path = type.getProtectionDomain().getCodeSource().getLocation().getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static boolean visible(String className) {
    try {
      Class.forName(className, false, LibraryUse.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
