/**
 * A span per call of a method annotated {@code @WithSpan}, from the application's
 * {@code io.opentelemetry.instrumentation.annotations} or the older {@code io.opentelemetry.extension.annotations}.
 *
 * <p>Design choices:
 * <ul>
 *   <li><b>Finding annotated classes costs no start-up.</b> No class is a candidate by its name; a class whose
 *       class file names {@code .../WithSpan} in its constant pool (any class using the annotation does) is, found
 *       by the agent's byte scan of class files ({@link dev.weft.instrumentation.api.InstrumentationModule#usedClasses
 *       usedClasses}). Only those are parsed, and only their annotated, non-abstract methods are advised.
 *       {@code otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods} is applied then
 *       too, so an excluded method is not touched at all.</li>
 *   <li><b>Annotations are read once per method, on its first call</b>, by reflection, into a
 *       {@link dev.weft.instrumentation.annotations.TracedMethod}; each call then finds it by a string constant of
 *       its call site in one hash lookup. The annotation types are matched by name and their elements read
 *       reflectively, so the module links against no annotation class: one advice serves both packages and any
 *       version of them (an element a version lacks, such as {@code inheritContext}, takes its default), and the
 *       application's own {@code SpanKind} is mapped to the agent's by constant name.</li>
 *   <li>Arguments are only boxed into an array for methods with {@code @SpanAttribute} parameters (a second
 *       advice class); the attribute keys are typed once from the declared parameter types. A parameter without
 *       a name in its annotation is named after the parameter when the class was compiled with
 *       {@code -parameters}, else it is skipped.</li>
 *   <li>The span is the current context's child (or a root for {@code inheritContext = false}), current while the
 *       method runs; an exception thrown records error status, {@code error.type} and an exception event. A method
 *       declared to return a {@code CompletionStage} (or {@code CompletableFuture}) ends its span when the returned
 *       stage completes, recording its failure; the stage returned is the application's own, untouched.</li>
 *   <li>Constructors are not traced (the OpenTelemetry agent neither).</li>
 * </ul>
 */
package dev.weft.instrumentation.annotations;
