/**
 * The application's own OpenTelemetry API ({@code io.opentelemetry:opentelemetry-api} and {@code -context}, any
 * version from 1.0 to the newest 1.x, including versions newer than the agent's SDK), bridged to the agent's SDK,
 * so that the spans the application makes itself join the agent's traces.
 *
 * <p>Design choices:
 * <ul>
 *   <li><b>Two sides, two class loaders.</b> The application's API and the agent's have the same class names, so no
 *       class can name both. The module's package {@code ...opentelemetryapi.application} is its per-application
 *       side: the agent loads it, like every module package, in a module class loader per application class loader,
 *       and this module declares {@code io.opentelemetry.api.} and {@code io.opentelemetry.context.} as
 *       {@linkplain dev.weft.instrumentation.api.InstrumentationModule#applicationPackages() application packages},
 *       so there those names resolve to the application's API. Those classes implement the application's
 *       {@code OpenTelemetry}, {@code Tracer}, {@code Span}, {@code Context}, ... This package itself is loaded
 *       once, by the agent, and sees the agent's API: its {@code Agent*} classes are the narrow facade the
 *       application side calls, static methods whose signatures use JDK types only, every object of the agent's
 *       (span, builder, context, scope, key) passed as an {@code Object} handle and cast back inside. This is the
 *       split the OpenTelemetry agent makes by compiling its bridge against a relocated copy of the API
 *       ({@code application.io.opentelemetry}); Weft hides its API in its own class loader instead of relocating
 *       it, so the split is by class loader. The calls are plain static calls and casts: nothing reflective, and
 *       the JIT inlines them.</li>
 *   <li><b>Hooks.</b> {@code GlobalOpenTelemetry.get()} (and {@code getOrNoop()}) return the bridge, skipping the
 *       original body, which could auto-configure an SDK of the application's; {@code isSet()} answers true;
 *       {@code set(...)} is skipped with one warning per JVM. {@code ContextStorage.get()} returns the bridged
 *       storage: {@code Context.current()} and {@code makeCurrent()} of the application read and write the agent's
 *       context, so an agent SERVER span is the parent of an application span, and an application span made
 *       current is the parent of the agent's CLIENT span.</li>
 *   <li><b>Context.</b> The application's span and baggage keys are the API's own (package-private) keys, caught
 *       without reflection by letting the API store an invalid span and empty baggage into a context that records
 *       the key ({@code ContextKeys}). A bridged context maps those two keys to the agent's span and baggage
 *       (wrapping the agent's span, copying baggage); every other key of the application's lives in an
 *       application context carried inside the agent's context under a key of the agent's, so it travels wherever
 *       the agent carries context (executors, async callbacks) and comes back.</li>
 *   <li><b>Versions.</b> The bridge is compiled against the agent's API but calls only what API 1.0 has; methods
 *       added later (span links, {@code TracerBuilder}) are implemented where a newer API declares them and are
 *       simply never called by an older one. A type of a newer API is named only in a signature (never converted
 *       to in code), so classes verify with API 1.0. A method of an API newer than the bridge keeps its interface
 *       default, never a {@code NoSuchMethodError}. Enum constants cross by ordinal ({@code SpanKind},
 *       {@code StatusCode}, {@code AttributeType}: append-only in every version); a newer attribute type (a
 *       {@code Value}) is dropped.</li>
 *   <li><b>Not bridged</b>: metrics and logs (Weft exports traces only; the interface's no-op defaults apply),
 *       the incubator API.</li>
 * </ul>
 */
package dev.weft.instrumentation.opentelemetryapi;
