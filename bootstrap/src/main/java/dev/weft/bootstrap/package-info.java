/**
 * The agent's visible classes: plain entries of the agent jar, which the JVM puts on the system class path.
 *
 * <p>Everything here uses JDK types only and stays small: the agent entry point
 * ({@link dev.weft.bootstrap.WeftAgent}), the jar's {@code Main-Class} ({@link dev.weft.bootstrap.WeftCommand}:
 * {@code java -jar weft-agent.jar view} opens the hidden viewer, which premain never loads), the loader that reads
 * the hidden agent classes
 * ({@link dev.weft.bootstrap.AgentClassLoader}), the setting reader needed before the SDK exists
 * ({@link dev.weft.bootstrap.Settings}), and the invokedynamic bootstrap through which instrumented classes reach
 * their advice ({@link dev.weft.bootstrap.IndyBootstrap}, with the {@link dev.weft.bootstrap.AdviceLinker} it
 * calls). Those two must be visible from every class loader, JDK classes included: the agent defines them in the
 * bootstrap class loader one by one at start-up ({@code dev.weft.agent.BootstrapInjection}), and only when that
 * fails appends the jar to the bootstrap search path, which costs the application its class-data-sharing archive.
 * The rest of the agent lives in the jar under {@code weft/} as {@code .classdata} entries that neither the system
 * nor the bootstrap class loader can see, so the application's own copies of the same libraries never meet ours.
 */
package dev.weft.bootstrap;
