package dev.weft.instrumentation.jdbc;

/**
 * What one SQL text says, as the span reports it: the text with its literals replaced by {@code ?}, the query
 * summary, and the operation, collection and stored procedure where the text makes them clear ({@code null}
 * otherwise).
 */
final class SqlQuery {

  final String sanitizedText;
  final String summary;
  final String operation;
  final String collection;
  final String storedProcedure;

  SqlQuery(
      String sanitizedText,
      String summary,
      String operation,
      String collection,
      String storedProcedure) {
    this.sanitizedText = sanitizedText;
    this.summary = summary;
    this.operation = operation;
    this.collection = collection;
    this.storedProcedure = storedProcedure;
  }

  @Override
  public String toString() {
    return "SqlQuery["
        + sanitizedText
        + " | "
        + summary
        + " | "
        + operation
        + " | "
        + collection
        + " | "
        + storedProcedure
        + "]";
  }
}
