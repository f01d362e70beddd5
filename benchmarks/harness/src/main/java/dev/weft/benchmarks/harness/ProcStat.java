package dev.weft.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A Linux process's CPU time, its JIT compilers' share of it, and its peak resident memory, read from {@code /proc}. */
final class ProcStat {

  private static final long CLOCK_TICKS_PER_SECOND = clockTicksPerSecond();

  private ProcStat() {}

  /** User plus system CPU time of all the process's threads so far ({@code utime + stime} of /proc/PID/stat). */
  static long cpuNanos(long pid) throws IOException {
    return cpuTicks(Files.readString(Paths.get("/proc", Long.toString(pid), "stat")))
        * 1_000_000_000L
        / CLOCK_TICKS_PER_SECOND;
  }

  /**
   * User plus system CPU time so far of HotSpot's JIT compiler threads ({@code C1 CompilerThread0}, {@code C2
   * CompilerThread0}, ..., named {@code C1 CompilerThre} in /proc/PID/task/TID/stat, which keeps 15 characters).
   * A compiler thread that the JVM ends takes its time with it; with HotSpot's defaults on a few cores each compiler
   * has one thread, which lives as long as the JVM.
   */
  static long compilerCpuNanos(long pid) throws IOException {
    long ticks = 0;
    try (DirectoryStream<Path> threads =
        Files.newDirectoryStream(Paths.get("/proc", Long.toString(pid), "task"))) {
      for (Path thread : threads) {
        String stat;
        try {
          stat = Files.readString(thread.resolve("stat"));
        } catch (NoSuchFileException ended) {
          continue;
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          ticks += cpuTicks(stat);
        }
      }
    }
    return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
  }

  /** {@code utime + stime} of a process's or thread's stat line, in clock ticks. */
  private static long cpuTicks(String stat) {
    // the command name, in parentheses, may hold spaces: count fields from after its closing
    // parenthesis
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of the line
  }

  /** The most resident memory the process has held ({@code VmHWM} of /proc/PID/status). */
  static long peakResidentBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmHWM in /proc/" + pid + "/status");
  }

  /** The resident memory now ({@code VmRSS} of /proc/PID/status). */
  static long residentBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/" + pid + "/status");
  }

  private static long clockTicksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String ticks =
          new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      getconf.waitFor();
      return Long.parseLong(ticks);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read the clock tick rate with getconf CLK_TCK", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
