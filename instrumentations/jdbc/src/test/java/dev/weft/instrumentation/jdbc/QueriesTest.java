package dev.weft.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest {

  @Test
  void aTextIsAnalyzedOnce() {
    String sql = "SELECT * FROM owners WHERE id = 1";
    assertSame(Queries.analyzed(sql, true), Queries.analyzed(new String(sql), true));
  }

  @Test
  void rowsOfOnePreparedTextAreABatchOfThatText() {
    SqlQuery query = Queries.analyzed("INSERT INTO visits VALUES (?, ?)", true);
    SqlQuery batch = Queries.batchOf(query, query.sanitizedText);
    assertEquals("BATCH INSERT visits", batch.summary);
    assertEquals("BATCH INSERT", batch.operation);
    assertEquals("visits", batch.collection);
  }

  @Test
  void textsWithOneSummaryShareIt() {
    SqlQuery batch =
        Queries.batchOf(
            List.of("INSERT INTO visits VALUES (1, 'a')", "INSERT INTO visits VALUES (2, 'b')"),
            true,
            true);
    assertEquals("INSERT INTO visits VALUES (?, ?)", batch.sanitizedText, "identical texts once");
    assertEquals("BATCH INSERT visits", batch.summary);
    assertEquals("BATCH INSERT", batch.operation);
    assertEquals("visits", batch.collection);
  }

  @Test
  void differentTextsAreJoinedAndSummarizedAsBatch() {
    List<String> texts =
        List.of("INSERT INTO visits VALUES (1)", "DELETE FROM owners WHERE id = 2");
    SqlQuery sanitized = Queries.batchOf(texts, true, true);
    assertEquals(
        "INSERT INTO visits VALUES (?); DELETE FROM owners WHERE id = ?", sanitized.sanitizedText);
    assertEquals("BATCH", sanitized.summary);
    assertEquals("BATCH", sanitized.operation);
    assertNull(sanitized.collection);
    assertEquals(
        "INSERT INTO visits VALUES (1); DELETE FROM owners WHERE id = 2",
        Queries.batchOf(texts, true, false).sanitizedText,
        "with the sanitizer off");
  }

  @Test
  void theSpanNameFallsBackAsTheConventionsSay() {
    SqlQuery noSummary = Queries.analyzed("", true);
    assertEquals(
        "SELECT owners",
        JdbcSpans.spanName(
            ConnectionFacts.UNKNOWN, Queries.analyzed("select * from owners", true)));
    assertEquals(
        "shop",
        JdbcSpans.spanName(new ConnectionFacts("postgresql", "shop", "db", 5432), noSummary));
    assertEquals(
        "db:5432",
        JdbcSpans.spanName(new ConnectionFacts("postgresql", null, "db", 5432), noSummary));
    assertEquals("other_sql", JdbcSpans.spanName(ConnectionFacts.UNKNOWN, noSummary));
  }
}
