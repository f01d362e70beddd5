/**
 * The agent proper, loaded by {@link dev.weft.bootstrap.AgentClassLoader} and invisible to the application: it
 * builds the OpenTelemetry SDK from the standard {@code otel.*} settings ({@link dev.weft.agent.TracingSetup}), with
 * the export pipeline that takes a span from its end to the collector ({@link dev.weft.agent.ExportPipeline}),
 * finds the instrumentation modules and weaves them in with Byte Buddy ({@link dev.weft.agent.DeferredTransformer},
 * {@link dev.weft.agent.AdviceWeaver}), and links advice call sites to per-class-loader module class loaders
 * ({@link dev.weft.agent.ModuleAdviceLinker}).
 */
package dev.weft.agent;
