/**
 * Applications that the smoke tests start under the agent. Each prints {@code READY <port>} on stdout once it
 * serves, and stops on SIGTERM, so that the agent's shutdown flush runs as it would in production.
 */
package dev.weft.smoke.apps;
