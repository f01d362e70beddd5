/**
 * The agent proper, loaded by {@link dev.weft.bootstrap.AgentClassLoader} and invisible to the application: it
 * builds the OpenTelemetry SDK from the standard {@code otel.*} settings ({@link dev.weft.agent.TracingSetup}),
 * finds the instrumentation modules and installs them with Byte Buddy ({@link
 * dev.weft.agent.InstrumentationInstaller}), and links advice call sites to per-class-loader module class loaders
 * ({@link dev.weft.agent.ModuleAdviceLinker}).
 */
package dev.weft.agent;
