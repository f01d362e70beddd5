package dev.weft.smoke.apps;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Embedded Tomcat 10.1 whose requests run SQL, on embedded H2 and, when its JDBC URL is the first argument, on a
 * PostgreSQL server (user {@code test}), each through HikariCP and through the driver directly.
 *
 * <p>{@code GET /db/{h2|h2-pool|pg|pg-pool}/{action}}, with the actions:
 * <ul>
 *   <li>{@code query?id=N}: a prepared {@code SELECT} by id; {@code update?id=N}: a prepared {@code INSERT}</li>
 *   <li>{@code statement}: a plain statement whose text holds a literal password</li>
 *   <li>{@code fail}: a query of a table that does not exist (answers 500)</li>
 *   <li>{@code batch}: three rows in one prepared batch; {@code statement-batch}: two texts in one plain batch</li>
 *   <li>{@code call}: a {@code {call ...}} of a callable statement (PostgreSQL: a function)</li>
 * </ul>
 */
public final class JdbcApp {

  static final String H2_URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";

  private JdbcApp() {}

  public static void main(String[] args) throws Exception {
    Map<String, Database> databases = new java.util.HashMap<>();
    databases.put("h2", new Database(() -> DriverManager.getConnection(H2_URL, "sa", "")));
    databases.put("h2-pool", new Database(pool(H2_URL, "sa")::getConnection));
    if (args.length > 0) {
      databases.put("pg", new Database(() -> DriverManager.getConnection(args[0], "test", "")));
      databases.put("pg-pool", new Database(pool(args[0], "test")::getConnection));
    }
    for (String name : new String[] {"h2", "pg"}) {
      if (databases.containsKey(name)) {
        createSchema(databases.get(name), name.equals("pg"));
      }
    }

    EmbeddedTomcat tomcat = new EmbeddedTomcat("");
    tomcat.add("/db/*", new DatabaseServlet(databases));
    tomcat.serve();
  }

  private static HikariDataSource pool(String url, String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  private static void createSchema(Database database, boolean postgres) throws SQLException {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(40), password VARCHAR(40))");
      statement.execute("CREATE TABLE visits (owner_id INT, note VARCHAR(40))");
      statement.executeUpdate(
          "INSERT INTO owners VALUES (1, 'Ada', 'hunter2'), (2, 'Grace', 'hunter3')");
      if (postgres) {
        statement.execute(
            "CREATE FUNCTION owner_count() RETURNS INT AS 'SELECT count(*)::int FROM owners' "
                + "LANGUAGE SQL");
      } else {
        statement.execute("CREATE ALIAS owner_count FOR 'dev.weft.smoke.apps.JdbcApp.ownerCount'");
      }
    }
  }

  /** The H2 function behind {@code owner_count()}. */
  public static int ownerCount(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM owners")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Where connections come from: the driver, or a pool. */
  private static final class Database {
    private final ConnectionSource source;

    Database(ConnectionSource source) {
      this.source = source;
    }

    Connection connect() throws SQLException {
      return source.get();
    }
  }

  @FunctionalInterface
  private interface ConnectionSource {
    Connection get() throws SQLException;
  }

  private static final class DatabaseServlet extends HttpServlet {
    private final Map<String, Database> databases;

    DatabaseServlet(Map<String, Database> databases) {
      this.databases = databases;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String[] path = request.getPathInfo().substring(1).split("/");
      Database database = databases.get(path[0]);
      if (database == null) {
        response.setStatus(404);
        return;
      }
      try (Connection connection = database.connect()) {
        response.getWriter().write(run(connection, path[1], request.getParameter("id")));
      } catch (SQLException e) {
        response.setStatus(500);
        response.getWriter().write(e.getClass().getName());
      }
    }

    private static String run(Connection connection, String action, String id) throws SQLException {
      switch (action) {
        case "query":
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT name FROM owners WHERE id = ?")) {
            statement.setInt(1, Integer.parseInt(id));
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? rows.getString(1) : "none";
            }
          }
        case "update":
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO visits (owner_id, note) VALUES (?, 'checkup')")) {
            statement.setInt(1, Integer.parseInt(id));
            return "inserted " + statement.executeUpdate();
          }
        case "statement":
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT name FROM owners WHERE password = 'hunter2' AND id = 1")) {
            return rows.next() ? rows.getString(1) : "none";
          }
        case "fail":
          try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT * FROM no_such_table");
            return "unexpected";
          }
        case "batch":
          try (PreparedStatement statement =
              connection.prepareStatement("INSERT INTO visits (owner_id, note) VALUES (?, ?)")) {
            for (int owner = 1; owner <= 3; owner++) {
              statement.setInt(1, owner);
              statement.setString(2, "batch");
              statement.addBatch();
            }
            return "inserted " + statement.executeBatch().length;
          }
        case "statement-batch":
          try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO visits (owner_id, note) VALUES (1, 'first')");
            statement.addBatch("UPDATE visits SET note = 'seen' WHERE owner_id = 1");
            return "ran " + statement.executeBatch().length;
          }
        case "call":
          try (java.sql.CallableStatement statement =
              connection.prepareCall("{? = call owner_count()}")) {
            statement.registerOutParameter(1, java.sql.Types.INTEGER);
            statement.execute();
            return "owners " + statement.getInt(1);
          }
        default:
          throw new IllegalArgumentException(action);
      }
    }
  }
}
