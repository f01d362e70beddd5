package dev.weft.benchmarks.app;

/** The smallest program: its wall time, with and without an agent, is what the agent adds to a JVM's start-up. */
public final class HelloWorld {

  private HelloWorld() {}

  public static void main(String[] args) {
    System.out.println("hello, world");
  }
}
