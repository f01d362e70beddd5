package dev.weft.benchmarks.jmh;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

/**
 * Stand-ins for a container's request and response that answer what an agent reads to start and end a server
 * span: a GET of {@code /nested} over HTTP/1.1 from 127.0.0.1, answered 200; anything else is empty.
 */
final class StandIns {

  private StandIns() {}

  /**
   * The request keeps its attributes in a map, as containers do, in a plain method: an agent may read and write
   * them on every nested call (the OpenTelemetry agent does, three times), and a proxy's reflective dispatch
   * would charge it more than a container would.
   */
  static HttpServletRequest request() {
    return new HttpServletRequestWrapper(answering(HttpServletRequest.class)) {
      private final Map<String, Object> attributes = new HashMap<>();

      @Override
      public Object getAttribute(String name) {
        return attributes.get(name);
      }

      @Override
      public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
      }

      @Override
      public void setAttribute(String name, Object value) {
        attributes.put(name, value);
      }

      @Override
      public void removeAttribute(String name) {
        attributes.remove(name);
      }
    };
  }

  static HttpServletResponse response() {
    return answering(HttpServletResponse.class);
  }

  private static <T> T answering(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, arguments) -> answer(method)));
  }

  private static Object answer(Method method) {
    switch (method.getName()) {
      case "getMethod":
        return "GET";
      case "getScheme":
        return "http";
      case "getProtocol":
        return "HTTP/1.1";
      case "getRequestURI":
      case "getServletPath":
        return "/nested";
      case "getRequestURL":
        return new StringBuffer("http://localhost:8080/nested");
      case "getContextPath":
        return "";
      case "getServerName":
        return "localhost";
      case "getRemoteAddr":
      case "getRemoteHost":
        return "127.0.0.1";
      case "getServerPort":
      case "getLocalPort":
        return 8080;
      case "getStatus":
        return 200;
      default:
        return empty(method.getReturnType());
    }
  }

  private static Object empty(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == Enumeration.class) {
      return Collections.emptyEnumeration();
    }
    return null;
  }
}
