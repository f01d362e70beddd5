/**
 * The advice of the JDBC module: the only classes loaded per application class loader. Each one passes the
 * statement (or the prepared SQL) to {@link dev.weft.instrumentation.jdbc.JdbcCalls}, which the agent loads once.
 */
package dev.weft.instrumentation.jdbc.advice;
