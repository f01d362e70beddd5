package dev.weft.instrumentation.jdbc;

import dev.weft.instrumentation.api.WeakIdentityState;
import java.sql.Connection;
import java.sql.Statement;

/**
 * The facts of each connection, worked out once. A pool hands out a new wrapper of the same physical connection
 * at every borrow, so a wrapper not seen before is unwrapped and takes the facts of the connection it wraps.
 */
final class Connections {

  private static final WeakIdentityState<ConnectionFacts> FACTS = new WeakIdentityState<>();

  private Connections() {}

  static ConnectionFacts factsOf(Statement statement) {
    Connection connection;
    try {
      connection = statement.getConnection();
    } catch (Exception | LinkageError e) {
      return ConnectionFacts.UNKNOWN;
    }
    if (connection == null) {
      return ConnectionFacts.UNKNOWN;
    }
    ConnectionFacts facts = FACTS.get(connection);
    if (facts == null) {
      Connection physical = unwrapped(connection);
      facts = physical == connection ? null : FACTS.get(physical);
      if (facts == null) {
        facts = read(physical);
        FACTS.put(physical, facts);
      }
      FACTS.put(connection, facts);
    }
    return facts;
  }

  private static Connection unwrapped(Connection connection) {
    try {
      if (connection.isWrapperFor(Connection.class)) {
        Connection inner = connection.unwrap(Connection.class);
        if (inner != null) {
          return inner;
        }
      }
    } catch (Exception | LinkageError e) {
      // a driver older than JDBC 4, or one that refuses: the wrapper is what we have
    }
    return connection;
  }

  private static ConnectionFacts read(Connection connection) {
    try {
      return JdbcUrl.parse(connection.getMetaData().getURL());
    } catch (Exception | LinkageError e) {
      return ConnectionFacts.UNKNOWN;
    }
  }
}
