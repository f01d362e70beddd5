/**
 * An example of a Weft extension, loaded with {@code -Dotel.javaagent.extensions=weft-example-extension.jar}.
 *
 * <p>An extension is a jar (or a directory of jars) of classes compiled against the agent's OpenTelemetry SDK and
 * Weft's module API, both {@code provided}: at run time they come from the agent, and the extension's own class
 * loader (a child of the agent's) is invisible to the application. It registers what it offers as services:
 * <ul>
 *   <li>the SDK's autoconfigure interfaces ({@code ConfigurableSamplerProvider}, {@code
 *       ConfigurableSpanExporterProvider}, {@code ConfigurablePropagatorProvider}, {@code ResourceProvider}, {@code
 *       AutoConfigurationCustomizerProvider}, ...), chosen by the usual settings: here {@link
 *       dev.weft.example.extension.sampler.TaggingSamplerProvider}, {@code otel.traces.sampler=example-tagging};</li>
 *   <li>{@code dev.weft.instrumentation.api.InstrumentationModule}: modules exactly like Weft's built-in ones (advice
 *       not inlined, classes of the module's package loaded per application class loader), turned off with
 *       {@code otel.instrumentation.<name>.enabled=false}: here {@link
 *       dev.weft.example.extension.mainspan.MainSpanModule}.</li>
 * </ul>
 */
package dev.weft.example.extension;
