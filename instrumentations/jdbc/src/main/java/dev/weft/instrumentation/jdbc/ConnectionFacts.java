package dev.weft.instrumentation.jdbc;

/**
 * What the spans of every statement on one connection share: worked out once per connection, from its JDBC URL.
 */
final class ConnectionFacts {

  static final String OTHER_SQL = "other_sql";
  static final ConnectionFacts UNKNOWN = new ConnectionFacts(OTHER_SQL, null, null, -1);

  /** {@code db.system.name} */
  final String systemName;

  /** {@code db.namespace}, or null */
  final String namespace;

  /** {@code server.address} of a network database, or null (an embedded one) */
  final String serverAddress;

  /** {@code server.port}, or -1 */
  final int serverPort;

  /** Whether {@code "x"} can only be an identifier here, never a string literal. */
  final boolean doubleQuotesAreIdentifiers;

  ConnectionFacts(String systemName, String namespace, String serverAddress, int serverPort) {
    this.systemName = systemName;
    this.namespace = namespace;
    this.serverAddress = serverAddress;
    this.serverPort = serverAddress == null ? -1 : serverPort;
    this.doubleQuotesAreIdentifiers = quotesIdentifiersOnly(systemName);
  }

  /** The databases where double quotes delimit identifiers only (as the OpenTelemetry agent lists them). */
  private static boolean quotesIdentifiersOnly(String systemName) {
    switch (systemName) {
      case "postgresql":
      case "oracle.db":
      case "ibm.db2":
      case "derby":
      case "hsqldb":
      case "sap.hana":
      case "clickhouse":
        return true;
      default:
        return false;
    }
  }

  @Override
  public String toString() {
    return systemName + " " + namespace + " " + serverAddress + ":" + serverPort;
  }
}
