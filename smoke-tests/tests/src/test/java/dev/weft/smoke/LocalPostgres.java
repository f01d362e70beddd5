package dev.weft.smoke;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of Debian's {@code postgresql} package (installed with apt-get when missing), in a
 * temporary directory, listening on a free loopback port, with trust authentication for the user {@code test}
 * and a database {@code shop}. {@code initdb} refuses root, so when the tests run as root the server runs as the
 * {@code postgres} user the package creates.
 */
final class LocalPostgres implements AutoCloseable {

  static final String DATABASE = "shop";
  static final String USER = "test";
  private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

  private final Path bin;
  private final Path directory;
  private final int port;

  private LocalPostgres(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
  }

  static LocalPostgres start() throws IOException, InterruptedException {
    Path bin = installedBin();
    if (bin == null) {
      DebianPackages.install("postgresql");
      bin = installedBin();
      if (bin == null) {
        throw new IOException("no initdb under " + INSTALLATIONS + " after installing postgresql");
      }
    }
    Path directory = Files.createTempDirectory("weft-postgres");
    if (asRoot()) {
      DebianPackages.run(List.of("chown", "postgres:postgres", directory.toString()));
    }
    LocalPostgres postgres = new LocalPostgres(bin, directory, freePort());
    try {
      postgres.initializeAndStart();
    } catch (IOException | RuntimeException e) {
      postgres.close();
      throw e;
    }
    return postgres;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/shop}, for the user {@link #USER} (no password). */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  int port() {
    return port;
  }

  private void initializeAndStart() throws IOException, InterruptedException {
    Path data = directory.resolve("data");
    runAsServer(
        bin.resolve("initdb").toString(),
        "-A",
        "trust",
        "-U",
        USER,
        "-E",
        "UTF8",
        "-D",
        data.toString());
    runAsServer(
        bin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        directory.resolve("log").toString(),
        "-o",
        "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1",
        "start",
        "-w",
        "-t",
        "60");
    runAsServer(
        bin.resolve("createdb").toString(),
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(port),
        "-U",
        USER,
        DATABASE);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (Files.exists(directory.resolve("data").resolve("postmaster.pid"))) {
        runAsServer(
            bin.resolve("pg_ctl").toString(),
            "-D",
            directory.resolve("data").toString(),
            "stop",
            "-m",
            "fast",
            "-w");
      }
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** The bin directory of an installed PostgreSQL (the newest, if several), or null. */
  private static Path installedBin() throws IOException {
    if (!Files.isDirectory(INSTALLATIONS)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
          .max(
              Comparator.comparing(
                  bin -> bin.getParent().getFileName().toString(),
                  Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
          .orElse(null);
    }
  }

  private void runAsServer(String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asRoot()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    DebianPackages.run(full);
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
