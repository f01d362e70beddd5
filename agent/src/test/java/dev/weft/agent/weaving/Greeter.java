package dev.weft.agent.weaving;

/** A super type that the classes woven in tests extend, found through their class loader. */
public class Greeter {
  public String greet() {
    return "hello";
  }
}
