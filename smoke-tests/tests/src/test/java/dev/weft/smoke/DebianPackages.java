package dev.weft.smoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Commands the tests run on the machine: installing a Debian package the tests need when it is missing. */
final class DebianPackages {

  private DebianPackages() {}

  /** {@code apt-get install -y package}, with {@code apt-get update} first when that fails. */
  static void install(String debianPackage) throws IOException, InterruptedException {
    List<String> install =
        List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage);
    try {
      run(install);
    } catch (IOException notFound) {
      run(List.of("apt-get", "update"));
      run(install);
    }
  }

  /** Runs {@code command} to its end (at most 10 minutes); its output is in the exception when it fails. */
  static void run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
    }
  }
}
