package dev.weft.instrumentation.jdbc;

import java.util.Locale;

/**
 * The database system, namespace and server a JDBC URL names, for the drivers people use; anything else is
 * {@code other_sql}, with the host and database of a {@code //host:port/database} URL when it has that shape.
 * User names and passwords in the URL are never kept.
 */
final class JdbcUrl {

  /** Prefixes of drivers that wrap another driver's URL ({@code jdbc:p6spy:postgresql://...}). */
  private static final String[] WRAPPERS = {
    "p6spy:", "log4jdbc:", "otel:", "tracing:", "aws-wrapper:"
  };

  private JdbcUrl() {}

  static ConnectionFacts parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return ConnectionFacts.UNKNOWN;
    }
    String rest = url.substring(5);
    for (String wrapper : WRAPPERS) {
      if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
        rest = rest.substring(wrapper.length());
      }
    }
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return ConnectionFacts.UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String tail = rest.substring(colon + 1);
    try {
      switch (subprotocol) {
        case "postgresql":
        case "pgsql":
          return network("postgresql", tail, 5432, "localhost");
        case "mysql":
        case "mysqlx":
        case "mysql+srv":
          return network("mysql", afterSubSubprotocol(tail), 3306, "localhost");
        case "mariadb":
          return network("mariadb", afterSubSubprotocol(tail), 3306, "localhost");
        case "sqlserver":
          return sqlServer(tail);
        case "jtds":
          return tail.regionMatches(true, 0, "sqlserver:", 0, 10)
              ? jtdsSqlServer(tail.substring(10))
              : network(ConnectionFacts.OTHER_SQL, afterSubSubprotocol(tail), -1, null);
        case "oracle":
          return oracle(tail);
        case "h2":
          return h2(tail);
        case "hsqldb":
          return hsqldb(tail);
        case "derby":
          return tail.startsWith("//")
              ? network("derby", tail, 1527, null)
              : embedded(
                  "derby",
                  stripPrefix(
                      withoutSettings(tail, ';'), "memory:", "directory:", "classpath:", "jar:"));
        case "sqlite":
          return embedded("sqlite", tail.isEmpty() ? null : tail);
        case "db2":
          return network("ibm.db2", tail, 50000, null);
        case "as400":
          return network("ibm.db2", tail, 446, null);
        case "sap":
          return network("sap.hana", tail, 30015, null);
        case "clickhouse":
        case "ch":
          return network("clickhouse", afterSubSubprotocol(tail), 8123, null);
        case "redshift":
          return network("aws.redshift", tail, 5439, null);
        case "informix-sqli":
          return network("ibm.informix", tail, 9088, null);
        case "firebirdsql":
        case "firebird":
          return network("firebirdsql", afterSubSubprotocol(tail), 3050, null);
        case "trino":
          return network("trino", tail, 8080, null);
        default:
          return network(ConnectionFacts.OTHER_SQL, afterSubSubprotocol(tail), -1, null);
      }
    } catch (RuntimeException malformed) {
      return new ConnectionFacts(systemOf(subprotocol), null, null, -1);
    }
  }

  private static String systemOf(String subprotocol) {
    switch (subprotocol) {
      case "postgresql":
        return "postgresql";
      case "mysql":
        return "mysql";
      case "mariadb":
        return "mariadb";
      case "sqlserver":
        return "microsoft.sql_server";
      case "oracle":
        return "oracle.db";
      case "h2":
        return "h2database";
      default:
        return ConnectionFacts.OTHER_SQL;
    }
  }

  /**
   * {@code //host[:port][,host2...][/database][?params]}, or a bare {@code database} (PostgreSQL's
   * {@code jdbc:postgresql:shop} means the local server).
   *
   * @param bareHost the host a URL without {@code //} means, or null when such a URL names no server
   */
  private static ConnectionFacts network(
      String system, String tail, int defaultPort, String bareHost) {
    if (!tail.startsWith("//")) {
      String database = withoutSettings(withoutSettings(tail, '?'), ';');
      return new ConnectionFacts(system, emptyToNull(database), bareHost, defaultPort);
    }
    int authorityEnd = indexOfAny(tail, 2, "/?;");
    String authority = tail.substring(2, authorityEnd);
    String database = null;
    if (authorityEnd < tail.length() && tail.charAt(authorityEnd) == '/') {
      int databaseEnd = indexOfAny(tail, authorityEnd + 1, "?;/");
      database = tail.substring(authorityEnd + 1, databaseEnd);
    }
    return withHost(system, emptyToNull(database), firstHost(authority), defaultPort);
  }

  private static ConnectionFacts withHost(
      String system, String namespace, String hostAndPort, int defaultPort) {
    String host = hostAndPort;
    int port = defaultPort;
    int portColon =
        hostAndPort.startsWith("[")
            ? hostAndPort.indexOf(':', hostAndPort.indexOf(']'))
            : hostAndPort.lastIndexOf(':');
    if (portColon >= 0) {
      host = hostAndPort.substring(0, portColon);
      port = parsePort(hostAndPort.substring(portColon + 1), defaultPort);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ConnectionFacts(system, namespace, host.isEmpty() ? "localhost" : host, port);
  }

  /** The first host of a list, without user and password ({@code user:secret@host:port,host2}). */
  private static String firstHost(String authority) {
    String hosts = authority.substring(authority.lastIndexOf('@') + 1);
    int comma = hosts.indexOf(',');
    String first = comma < 0 ? hosts : hosts.substring(0, comma);
    // MySQL's address=(host=h)(port=p) and (host=h,port=p) forms
    if (first.startsWith("address=") || first.startsWith("(")) {
      String host = valueIn(hosts, "host=");
      String port = valueIn(hosts, "port=");
      return host == null ? "" : port == null ? host : host + ":" + port;
    }
    return first;
  }

  /** {@code jdbc:mysql:loadbalance://...}: the URL after the driver's mode, if it has one. */
  private static String afterSubSubprotocol(String tail) {
    int slashes = tail.indexOf("//");
    return slashes > 0 && tail.charAt(slashes - 1) == ':' ? tail.substring(slashes) : tail;
  }

  /** {@code //host[\instance][:port][;databaseName=db;...]} */
  private static ConnectionFacts sqlServer(String tail) {
    String system = "microsoft.sql_server";
    if (!tail.startsWith("//")) {
      return new ConnectionFacts(system, null, null, -1);
    }
    int end = indexOfAny(tail, 2, ";");
    String server = tail.substring(2, end);
    String properties = tail.substring(end);
    String instance = null;
    int backslash = server.indexOf('\\');
    if (backslash >= 0) {
      int portColon = server.indexOf(':', backslash);
      instance = server.substring(backslash + 1, portColon < 0 ? server.length() : portColon);
      server = server.substring(0, backslash) + (portColon < 0 ? "" : server.substring(portColon));
    }
    String serverName = property(properties, "serverName");
    if (server.isEmpty() && serverName != null) {
      server = serverName;
    }
    String portNumber = property(properties, "portNumber");
    if (portNumber == null) {
      portNumber = property(properties, "port");
    }
    if (portNumber != null && server.indexOf(':') < 0) {
      server = server + ":" + portNumber;
    }
    if (instance == null) {
      instance = property(properties, "instanceName");
    }
    String database = property(properties, "databaseName");
    if (database == null) {
      database = property(properties, "database");
    }
    return withHost(system, sqlServerNamespace(instance, database), server, 1433);
  }

  /** {@code //host[:port][/database][;instance=name;...]} */
  private static ConnectionFacts jtdsSqlServer(String tail) {
    int end = indexOfAny(tail, 0, ";");
    ConnectionFacts hostAndDatabase =
        network("microsoft.sql_server", tail.substring(0, end), 1433, null);
    String instance = property(tail.substring(end), "instance");
    return new ConnectionFacts(
        hostAndDatabase.systemName,
        sqlServerNamespace(instance, hostAndDatabase.namespace),
        hostAndDatabase.serverAddress,
        hostAndDatabase.serverPort);
  }

  /** As the conventions ask: {@code {instance}|{database}}, or the database alone. */
  private static String sqlServerNamespace(String instance, String database) {
    if (database == null) {
      return instance;
    }
    return instance == null ? database : instance + "|" + database;
  }

  /**
   * {@code thin:[user/password]@host:port:SID}, {@code thin:@//host:port/service}, {@code thin:@host:port/service},
   * {@code thin:@(DESCRIPTION=...(HOST=h)(PORT=p)...(SERVICE_NAME=s))} and a TNS alias ({@code thin:@shop}).
   */
  private static ConnectionFacts oracle(String tail) {
    String system = "oracle.db";
    int at = tail.indexOf('@');
    if (at < 0) {
      return new ConnectionFacts(system, null, null, -1);
    }
    String target = withoutSettings(tail.substring(at + 1), '?').trim();
    if (target.startsWith("(")) {
      String host = valueIn(target, "HOST=");
      String port = valueIn(target, "PORT=");
      String service = valueIn(target, "SERVICE_NAME=");
      if (service == null) {
        service = valueIn(target, "SID=");
      }
      return host == null
          ? new ConnectionFacts(system, service, null, -1)
          : new ConnectionFacts(system, service, host, port == null ? 1521 : parsePort(port, 1521));
    }
    if (target.startsWith("//")) {
      target = target.substring(2);
    }
    int slash = target.indexOf('/');
    if (slash >= 0) {
      String service = target.substring(slash + 1);
      int serviceEnd = indexOfAny(service, 0, ":/");
      return withHost(
          system, emptyToNull(service.substring(0, serviceEnd)), target.substring(0, slash), 1521);
    }
    String[] parts = target.split(":");
    if (parts.length == 3) {
      return withHost(system, parts[2], parts[0] + ":" + parts[1], 1521);
    }
    if (parts.length == 2) {
      return withHost(system, null, target, 1521);
    }
    return new ConnectionFacts(system, target.isEmpty() ? null : target, null, -1); // a TNS alias
  }

  /** {@code mem:name}, {@code tcp://host[:port]/path}, {@code ssl://...}, {@code file:path} or a bare path. */
  private static ConnectionFacts h2(String tail) {
    String location = withoutSettings(tail, ';');
    if (location.regionMatches(true, 0, "tcp://", 0, 6)
        || location.regionMatches(true, 0, "ssl://", 0, 6)) {
      String remote = location.substring(4);
      int slash = remote.indexOf('/', 2);
      String authority = slash < 0 ? remote.substring(2) : remote.substring(2, slash);
      String path = slash < 0 ? null : remote.substring(slash + 1);
      return withHost("h2database", emptyToNull(path), authority, 9092);
    }
    return embedded(
        "h2database",
        stripPrefix(
            location,
            "mem:",
            "file:",
            "nio:",
            "nioMapped:",
            "split:",
            "zip:",
            "async:",
            "memFS:",
            "memLZF:",
            "nioMemFS:",
            "nioMemLZF:"));
  }

  /** {@code mem:name}, {@code file:path}, {@code res:path}, {@code hsql://host[:port]/db}, {@code http://...}. */
  private static ConnectionFacts hsqldb(String tail) {
    String location = withoutSettings(tail, ';');
    for (String scheme : new String[] {"hsql:", "hsqls:", "http:", "https:"}) {
      if (location.regionMatches(true, 0, scheme, 0, scheme.length())) {
        int defaultPort = scheme.startsWith("hsql") ? 9001 : scheme.equals("http:") ? 80 : 443;
        return network("hsqldb", location.substring(scheme.length()), defaultPort, null);
      }
    }
    return embedded("hsqldb", stripPrefix(location, "mem:", "file:", "res:"));
  }

  private static ConnectionFacts embedded(String system, String name) {
    return new ConnectionFacts(system, emptyToNull(name), null, -1);
  }

  private static String stripPrefix(String value, String... prefixes) {
    for (String prefix : prefixes) {
      if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return value.substring(prefix.length());
      }
    }
    return value;
  }

  /** The value of {@code ;name=value} (any case) in a property list. */
  private static String property(String properties, String name) {
    int from = 0;
    while (true) {
      int semicolon = properties.indexOf(';', from);
      if (semicolon < 0) {
        return null;
      }
      int equals = properties.indexOf('=', semicolon);
      int next = properties.indexOf(';', semicolon + 1);
      if (equals > 0
          && (next < 0 || equals < next)
          && properties.substring(semicolon + 1, equals).trim().equalsIgnoreCase(name)) {
        return emptyToNull(
            properties.substring(equals + 1, next < 0 ? properties.length() : next).trim());
      }
      from = semicolon + 1;
    }
  }

  /** The value after {@code key} (any case) up to the next {@code )} or {@code ,}. */
  private static String valueIn(String text, String key) {
    int start = text.toUpperCase(Locale.ROOT).indexOf(key.toUpperCase(Locale.ROOT));
    if (start < 0) {
      return null;
    }
    start += key.length();
    int end = indexOfAny(text, start, "),");
    return emptyToNull(text.substring(start, end).trim());
  }

  private static String withoutSettings(String value, char separator) {
    int at = value.indexOf(separator);
    return at < 0 ? value : value.substring(0, at);
  }

  private static int indexOfAny(String value, int from, String characters) {
    for (int i = from; i < value.length(); i++) {
      if (characters.indexOf(value.charAt(i)) >= 0) {
        return i;
      }
    }
    return value.length();
  }

  private static int parsePort(String port, int defaultPort) {
    try {
      return port.isEmpty() ? defaultPort : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      return defaultPort;
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
