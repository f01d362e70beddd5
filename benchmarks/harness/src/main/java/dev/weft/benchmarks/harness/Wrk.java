package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/** Load at fixed concurrency with {@code wrk}: one thread, a fixed number of keep-alive connections. */
final class Wrk {

  private static final String REPORT_SCRIPT = "wrk-report.lua";

  private final Path reportScript;

  /** Writes wrk's reporting script into {@code workDirectory}. */
  Wrk(Path workDirectory) throws IOException {
    reportScript = workDirectory.resolve(REPORT_SCRIPT);
    try (InputStream script = Wrk.class.getResourceAsStream("/" + REPORT_SCRIPT)) {
      Files.copy(script, reportScript, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  LoadResult run(int port, String path, String traceparent, int connections, Duration duration)
      throws IOException, InterruptedException {
    Process wrk =
        new ProcessBuilder(
                List.of(
                    "wrk",
                    "-t1",
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--timeout",
                    "10s",
                    "-s",
                    reportScript.toString(),
                    "-H",
                    "traceparent: " + traceparent,
                    "http://127.0.0.1:" + port + path))
            .redirectErrorStream(true)
            .start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new IOException("wrk failed:\n" + output);
    }
    for (String line : output.split("\n")) {
      if (line.startsWith("WRK ")) {
        String[] numbers = line.split(" ");
        return new LoadResult(
            Long.parseLong(numbers[1]),
            Long.parseLong(numbers[3]),
            Long.parseLong(numbers[2]) / 1e6,
            Long.parseLong(numbers[4]) / 1e3,
            Long.parseLong(numbers[5]) / 1e3);
      }
    }
    throw new IOException("no results from wrk:\n" + output);
  }

  /** The version line of the installed wrk, for the report. */
  static String version() throws IOException, InterruptedException {
    Process wrk = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    return output.lines().findFirst().orElse("wrk").replaceAll(" Copyright.*", "").trim();
  }
}
