package dev.weft.smoke.apps;

/** The smallest program: measures what the agent adds to a JVM's start-up. */
public final class HelloWorld {

  private HelloWorld() {}

  public static void main(String[] args) {
    System.out.println("hello, world");
  }
}
