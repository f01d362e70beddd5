package dev.weft.agent;

/**
 * The agent's own messages, on stderr with a {@code [weft]} prefix. Deliberately not {@code java.util.logging}
 * or any logging library: the application's logging setup is its own.
 */
final class AgentLog {

  private static volatile boolean debug;

  private AgentLog() {}

  static void enableDebug() {
    debug = true;
  }

  static boolean isDebug() {
    return debug;
  }

  static void debug(String message) {
    if (debug) {
      System.err.println("[weft] DEBUG " + message);
    }
  }

  static void warn(String message) {
    System.err.println("[weft] WARN " + message);
  }

  static void error(String message) {
    System.err.println("[weft] ERROR " + message);
  }
}
