/**
 * What an instrumentation module declares to the agent, and helpers that several modules share.
 *
 * <p>A module ({@link dev.weft.instrumentation.api.InstrumentationModule}) names itself, says which class loaders
 * it applies to (a marker class, and the classes and methods its advice needs) and lists its
 * {@link dev.weft.instrumentation.api.TypeInstrumentation}s. The agent finds modules with {@code ServiceLoader},
 * and for each application class loader that fits, loads the classes of the module's own package in a class
 * loader of their own that also sees that application loader, the OpenTelemetry API and this package (or, for the
 * packages a module declares as the application's, the application's own copy of them). Advice is
 * reached through {@code invokedynamic}, so advice signatures must mention only JDK and library types.
 */
package dev.weft.instrumentation.api;
