package dev.weft.agent;

/**
 * A service name for a process started without {@code otel.service.name}: the main jar's file name without
 * {@code .jar}, or the main class's simple name, which says more than the SDK's {@code unknown_service:java}.
 */
final class ServiceNames {

  private ServiceNames() {}

  /** @param javaCommand the {@code sun.java.command} property: the main class or jar, then the arguments */
  static String fromJavaCommand(String javaCommand) {
    if (javaCommand == null || javaCommand.isBlank()) {
      return null;
    }
    String main = javaCommand.trim().split("\\s+", 2)[0];
    if (main.endsWith(".jar")) {
      String file = main.substring(Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\')) + 1);
      String name = file.substring(0, file.length() - ".jar".length());
      return name.isEmpty() ? null : name;
    }
    String simpleName = main.substring(main.lastIndexOf('.') + 1);
    return simpleName.isEmpty() ? null : simpleName;
  }
}
