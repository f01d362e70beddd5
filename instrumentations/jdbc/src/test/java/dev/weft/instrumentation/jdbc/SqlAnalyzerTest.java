package dev.weft.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlAnalyzerTest {

  private static String sanitized(String sql) {
    return SqlAnalyzer.analyze(sql, true).sanitizedText;
  }

  private static String summary(String sql) {
    return SqlAnalyzer.analyze(sql, true).summary;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT * FROM users WHERE name = 'bob' AND age > 42 | SELECT * FROM users WHERE name = ? AND age > ?",
        "select * from t where a = 'it''s' and b = 1.5e-3 and c = .5 and d = 0xCAFE | select * from t where a = ? and b = ? and c = ? and d = ?",
        "SELECT * FROM t WHERE a = -12 | SELECT * FROM t WHERE a = -?",
        "SELECT col1, t2.col_2 FROM t1, s.t2 | SELECT col1, t2.col_2 FROM t1, s.t2",
        "SELECT * FROM t WHERE id = ? AND flag = TRUE AND x IS NULL | SELECT * FROM t WHERE id = ? AND flag = TRUE AND x IS NULL",
        "SELECT * FROM t WHERE id = $1 AND body = $$secret$$ AND tag = $x$a $ b$x$ | SELECT * FROM t WHERE id = $1 AND body = ? AND tag = ?",
        "SELECT \"Name\" FROM \"Users\" WHERE \"Name\" = 'x' | SELECT \"Name\" FROM \"Users\" WHERE \"Name\" = ?",
        "SELECT `name` FROM [dbo].[users] WHERE a[2] = 3 | SELECT `name` FROM [dbo].[users] WHERE a[?] = ?",
        "~SELECT   a\n\tFROM   t   ~| SELECT a FROM t",
        "SELECT a FROM t WHERE id IN (1, 2, 3) AND b in ('x','y') AND c IN (?, ?) | SELECT a FROM t WHERE id IN (?) AND b in (?) AND c IN (?)",
        "SELECT a FROM t WHERE id IN (SELECT id FROM u WHERE v = 7) | SELECT a FROM t WHERE id IN (SELECT id FROM u WHERE v = ?)",
        "SELECT a FROM t WHERE b IN (1, c) | SELECT a FROM t WHERE b IN (?, c)",
        "~SELECT a /* tenant 'acme' 42 */ FROM t -- x = 'y'\nWHERE b = 1~ | ~SELECT a /* tenant ? ? */ FROM t -- x = ?\nWHERE b = ?~",
        "SELECT 'unterminated | SELECT ?",
        "INSERT INTO t (a, b) VALUES ('x', 12), ('y', 13) | INSERT INTO t (a, b) VALUES (?, ?), (?, ?)",
        "CREATE USER bob IDENTIFIED BY secret | CREATE USER ?",
        "ALTER USER bob PASSWORD 'x' | ALTER USER ?",
        "CONNECT bob PASSWORD secret | CONNECT ?",
        "SELECT col2 FROM t9 WHERE x2 = 'é' | SELECT col2 FROM t9 WHERE x2 = ?",
        "SELECT 1 | SELECT ?",
      })
  void replacesEveryLiteral(String sql, String expected) {
    assertEquals(expected, sanitized(sql));
  }

  @Test
  void doubleQuotedTextIsALiteralWhereTheDatabaseMayReadItAsOne() {
    assertEquals(
        "SELECT * FROM users WHERE password = ?",
        SqlAnalyzer.analyze("SELECT * FROM users WHERE password = \"hunter2\"", false)
            .sanitizedText);
  }

  @Test
  void aPasswordNeverAppears() {
    String[] statements = {
      "UPDATE users SET password = 'hunter2' WHERE id = 1",
      "insert into users values (\"hunter2\")",
      "SELECT * FROM users WHERE password=$$hunter2$$",
      "/* 'hunter2' */ SELECT 1",
      "-- hunter2 is 'hunter2'\nSELECT 1",
    };
    for (String statement : statements) {
      assertFalse(
          SqlAnalyzer.analyze(statement, false).sanitizedText.contains("'hunter2"), statement);
      assertFalse(
          SqlAnalyzer.analyze(statement, false).sanitizedText.contains("\"hunter2"), statement);
      assertFalse(
          SqlAnalyzer.analyze(statement, false).sanitizedText.contains("$hunter2"), statement);
    }
  }

  @Test
  void longTextsAreCut() {
    String sql = "SELECT " + "a, ".repeat(20_000) + "b FROM t";
    assertEquals(SqlAnalyzer.MAX_TEXT_LENGTH, sanitized(sql).length());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT * FROM owners WHERE id = ? | SELECT owners",
        "select o.id from owners o where o.last_name like ? | SELECT owners",
        "SELECT * FROM owners o JOIN pets p ON p.owner_id = o.id LEFT OUTER JOIN visits v ON v.pet_id = p.id | SELECT owners pets visits",
        "SELECT * FROM a, b AS bb, c WHERE a.x = b.x | SELECT a b c",
        "SELECT * FROM (SELECT id FROM inner_t) x | SELECT SELECT inner_t",
        "SELECT a FROM t WHERE id IN (SELECT id FROM u) | SELECT t SELECT u",
        "SELECT a FROM t UNION ALL SELECT b FROM u | SELECT t SELECT u",
        "SELECT count(*) FROM public.owners | SELECT public.owners",
        "SELECT 1 | SELECT",
        "SELECT * FROM t FOR UPDATE | SELECT t",
        "INSERT INTO owners (first_name, last_name) VALUES (?, ?) | INSERT owners",
        "INSERT INTO archive SELECT * FROM owners WHERE id < 10 | INSERT archive SELECT owners",
        "UPDATE owners SET city = ? WHERE id = ? | UPDATE owners",
        "DELETE FROM owners WHERE id = ? | DELETE owners",
        "MERGE INTO owners USING (SELECT 1) s ON (1 = 1) WHEN MATCHED THEN UPDATE SET a = 1 | MERGE owners SELECT",
        "CREATE TABLE IF NOT EXISTS owners (id INT PRIMARY KEY, name VARCHAR(30)) | CREATE TABLE owners",
        "create unique index idx_name on owners (name) | CREATE INDEX idx_name",
        "DROP TABLE owners | DROP TABLE owners",
        "TRUNCATE TABLE owners | TRUNCATE TABLE owners",
        "CALL refresh_stats(?, 3) | CALL refresh_stats",
        "{call refresh_stats(?)} | CALL refresh_stats",
        "{? = call next_id()} | CALL next_id",
        "EXEC dbo.cleanup | EXEC dbo.cleanup",
        "COMMIT | COMMIT",
        "WITH recent AS (SELECT * FROM visits) SELECT * FROM recent | SELECT visits SELECT recent",
        "SELECT * FROM \"Owners\" | SELECT \"Owners\"",
        "SELECT * FROM a; DELETE FROM b | SELECT a; DELETE b",
      })
  void summarizesOperationsAndTheirTables(String sql, String expected) {
    assertEquals(expected, summary(sql));
  }

  @Test
  void theOperationAndCollectionWhereTheStatementMakesThemClear() {
    SqlQuery single = SqlAnalyzer.analyze("SELECT * FROM owners WHERE id = 1", true);
    assertEquals("SELECT", single.operation);
    assertEquals("owners", single.collection);

    SqlQuery join =
        SqlAnalyzer.analyze("SELECT * FROM owners o JOIN pets p ON p.owner_id = o.id", true);
    assertEquals("SELECT", join.operation);
    assertNull(join.collection, "two tables: no one collection");

    SqlQuery insertSelect = SqlAnalyzer.analyze("INSERT INTO a SELECT * FROM b", true);
    assertEquals("INSERT", insertSelect.operation);
    assertNull(insertSelect.collection);

    SqlQuery twoStatements = SqlAnalyzer.analyze("SELECT * FROM a; DELETE FROM a", true);
    assertNull(twoStatements.operation);
    assertNull(twoStatements.collection);

    SqlQuery call = SqlAnalyzer.analyze("{call refresh_stats(?)}", true);
    assertEquals("CALL", call.operation);
    assertEquals("refresh_stats", call.storedProcedure);
    assertNull(call.collection);

    SqlQuery nothing = SqlAnalyzer.analyze("  ", true);
    assertNull(nothing.summary);
    assertNull(nothing.operation);
    assertTrue(nothing.sanitizedText.isEmpty());
  }
}
