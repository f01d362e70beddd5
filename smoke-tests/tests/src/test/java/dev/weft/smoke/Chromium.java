package dev.weft.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium from Debian's {@code chromium} package (installed with apt-get when missing): loads a page, runs
 * its scripts for a few seconds of virtual time, and gives the DOM they rendered.
 */
final class Chromium {

  private static final List<Path> EXECUTABLES =
      List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

  private Chromium() {}

  /** The DOM of {@code url} once its scripts have run for {@code virtualMillis} of virtual time. */
  static String dumpDom(String url, int virtualMillis) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("weft-chromium");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  executable().toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--no-first-run",
                  "--user-data-dir=" + profile,
                  "--virtual-time-budget=" + virtualMillis,
                  "--dump-dom",
                  url));
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> dom =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish loading " + url);
      }
      return new String(dom.join(), StandardCharsets.UTF_8);
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  static synchronized Path executable() throws IOException, InterruptedException {
    Path found = installed();
    if (found == null) {
      DebianPackages.install("chromium");
      found = installed();
      if (found == null) {
        throw new IOException("no chromium in " + EXECUTABLES + " after installing it");
      }
    }
    return found;
  }

  private static Path installed() {
    return EXECUTABLES.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }
}
