package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

/** The machine and software the figures were measured on, as lines for the report. */
final class Machine {

  private Machine() {}

  static List<String> describe() throws IOException, InterruptedException {
    return List.of(
        "CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
        String.format(Locale.ROOT, "memory: %.1f GB", memoryKilobytes() / 1024.0 / 1024.0),
        "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"),
        "JDK: "
            + System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version"),
        "Weft: " + Agent.WEFT.version() + " (" + gitDescription() + ")",
        "OpenTelemetry Java agent: " + Agent.OPENTELEMETRY.version(),
        "load: "
            + Wrk.version()
            + " (fixed concurrency); the harness's own open-model generator (fixed rate)");
  }

  private static String cpuModel() throws IOException {
    return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static long memoryKilobytes() throws IOException {
    return Files.readAllLines(Paths.get("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElse(0);
  }

  /** The commit measured, {@code -dirty} when the working tree had changes. */
  private static String gitDescription() throws InterruptedException {
    try {
      Process git =
          new ProcessBuilder("git", "describe", "--always", "--dirty")
              .redirectErrorStream(true)
              .start();
      String description =
          new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 ? "commit " + description : "commit unknown";
    } catch (IOException noGit) {
      return "commit unknown";
    }
  }
}
