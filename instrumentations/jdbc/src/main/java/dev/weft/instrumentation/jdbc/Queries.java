package dev.weft.instrumentation.jdbc;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL texts analyzed once: applications run the same few hundred texts again and again, so the analysis of each is
 * kept (up to {@value #CACHED_TEXTS} texts per quoting rule, then the cache starts over, which bounds the memory that
 * texts with inlined values could take). Also how a batch of several texts is described.
 */
final class Queries {

  static final int CACHED_TEXTS = 1000;

  private static final ConcurrentHashMap<String, SqlQuery> QUOTED_IDENTIFIERS =
      new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, SqlQuery> QUOTED_LITERALS =
      new ConcurrentHashMap<>();

  private Queries() {}

  static SqlQuery analyzed(String sql, boolean doubleQuotesAreIdentifiers) {
    ConcurrentHashMap<String, SqlQuery> cache =
        doubleQuotesAreIdentifiers ? QUOTED_IDENTIFIERS : QUOTED_LITERALS;
    SqlQuery query = cache.get(sql);
    if (query == null) {
      query = SqlAnalyzer.analyze(sql, doubleQuotesAreIdentifiers);
      if (cache.size() >= CACHED_TEXTS) {
        cache.clear();
      }
      cache.put(sql, query);
    }
    return query;
  }

  /**
   * Several rows of one text ({@code PreparedStatement.executeBatch}): as the conventions ask for batches, the
   * summary and operation get the prefix {@code BATCH}.
   */
  static SqlQuery batchOf(SqlQuery query, String text) {
    return new SqlQuery(
        text,
        query.summary == null ? "BATCH" : "BATCH " + query.summary,
        query.operation == null ? "BATCH" : "BATCH " + query.operation,
        query.collection,
        query.storedProcedure);
  }

  /**
   * Several texts ({@code Statement.executeBatch}): the distinct texts joined with {@code "; "}; the summary,
   * operation and collection shared by all of them (with the prefix {@code BATCH}), or {@code BATCH} alone.
   *
   * @param sanitize whether the texts reported are the sanitized ones
   */
  static SqlQuery batchOf(
      List<String> texts, boolean doubleQuotesAreIdentifiers, boolean sanitize) {
    Set<String> distinctTexts = new LinkedHashSet<>();
    SqlQuery first = null;
    boolean sameSummary = true;
    boolean sameOperation = true;
    boolean sameCollection = true;
    for (String text : texts) {
      SqlQuery query = analyzed(text, doubleQuotesAreIdentifiers);
      distinctTexts.add(sanitize ? query.sanitizedText : text);
      if (first == null) {
        first = query;
      } else {
        sameSummary &= Objects.equals(first.summary, query.summary);
        sameOperation &= Objects.equals(first.operation, query.operation);
        sameCollection &= Objects.equals(first.collection, query.collection);
      }
    }
    String summary =
        sameSummary && first != null && first.summary != null ? "BATCH " + first.summary : "BATCH";
    String operation =
        sameOperation && first != null && first.operation != null
            ? "BATCH " + first.operation
            : "BATCH";
    return new SqlQuery(
        String.join("; ", distinctTexts),
        summary,
        operation,
        sameCollection && first != null ? first.collection : null,
        null);
  }
}
