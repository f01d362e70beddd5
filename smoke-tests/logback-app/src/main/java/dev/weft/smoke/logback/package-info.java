/**
 * A Tomcat application that logs through SLF4J and Logback, and calls {@code @WithSpan} methods. It prints
 * {@code READY <port>} on stdout once it serves.
 */
package dev.weft.smoke.logback;
