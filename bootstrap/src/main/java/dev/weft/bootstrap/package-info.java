/**
 * Classes that the bootstrap class loader holds once premain has appended the agent jar to its search path.
 *
 * <p>Everything here must be visible from every class loader, so it uses JDK types only and stays small: the
 * agent entry point ({@link dev.weft.bootstrap.WeftAgent}), the loader that reads the hidden agent classes
 * ({@link dev.weft.bootstrap.AgentClassLoader}) and the invokedynamic bootstrap through which instrumented
 * classes reach their advice ({@link dev.weft.bootstrap.IndyBootstrap}). The rest of the agent lives in the jar
 * under {@code weft/} as {@code .classdata} entries that neither the system nor the bootstrap class loader can
 * see, so the application's own copies of the same libraries never meet ours.
 */
package dev.weft.bootstrap;
