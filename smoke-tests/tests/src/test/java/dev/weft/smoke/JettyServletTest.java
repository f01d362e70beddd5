package dev.weft.smoke;

/** Jetty 10, javax.servlet 4.0, the root context. */
class JettyServletTest extends ServletContainerTest {

  @Override
  String appName() {
    return "JettyApp";
  }

  @Override
  String contextPath() {
    return "";
  }
}
