/**
 * The agent proper, loaded by {@link dev.weft.bootstrap.AgentClassLoader} and invisible to the application: it
 * builds the OpenTelemetry SDK from the standard {@code otel.*} settings ({@link dev.weft.agent.TracingSetup}), or
 * from a declarative configuration file ({@code otel.config.file}, {@link dev.weft.agent.FileConfiguration}, whose
 * classes the agent class loader sees only when the setting is present), with
 * the export pipeline that takes a span from its end to the collector ({@link dev.weft.agent.ExportPipeline}),
 * finds the instrumentation modules and weaves them in with Byte Buddy's advice, through a small pipeline of its own
 * ({@link dev.weft.agent.DeferredTransformer}, {@link dev.weft.agent.AdviceWeaver},
 * {@link dev.weft.agent.WeavingTransformer}), and links advice call sites to per-class-loader module class loaders
 * ({@link dev.weft.agent.ModuleAdviceLinker}). Extensions ({@code otel.javaagent.extensions}) get a class loader of
 * their own under the agent's ({@link dev.weft.agent.ExtensionClassLoader}), through which both the SDK's
 * autoconfiguration and the module search look. No setting is silently ignored ({@link dev.weft.agent.SettingsCheck},
 * {@link dev.weft.agent.ExporterSetting}, {@link dev.weft.agent.PropagatorSetting}); {@code tracecontext} is W3C
 * Trace Context Level 2 ({@link dev.weft.agent.tracecontext}).
 */
package dev.weft.agent;
