/**
 * The application's side of the OpenTelemetry API bridge: loaded per application class loader, where
 * {@code io.opentelemetry.api} and {@code io.opentelemetry.context} are the application's own API. These classes
 * implement that API's interfaces and reach the agent's SDK only through the {@code Agent*} facade of the parent
 * package (see there for the design).
 */
package dev.weft.instrumentation.opentelemetryapi.application;
