package dev.weft.instrumentation.servlet.jakarta;

import dev.weft.instrumentation.servlet.common.ServletModule;

/** Servlet spans for {@code jakarta.servlet} containers. */
public final class JakartaServletModule extends ServletModule {

  public JakartaServletModule() {
    super("jakarta.servlet", "jakarta.servlet 5.0 to 6.x", "dev.weft.instrumentation.servlet.jakarta.JakartaServletAdvice");
  }
}
