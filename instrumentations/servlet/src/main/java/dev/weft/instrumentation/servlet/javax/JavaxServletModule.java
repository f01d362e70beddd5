package dev.weft.instrumentation.servlet.javax;

import dev.weft.instrumentation.servlet.common.ServletModule;

/** Servlet spans for {@code javax.servlet} containers. */
public final class JavaxServletModule extends ServletModule {

  public JavaxServletModule() {
    super("javax.servlet", "javax.servlet 3.0 to 4.0", JavaxServletAdvice.class);
  }
}
