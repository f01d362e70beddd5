package dev.weft.instrumentation.jdbc;

import java.util.Locale;

/**
 * Reads a SQL text once, left to right, and writes at the same time the sanitized text and the query summary.
 *
 * <p>Sanitizing, as the OpenTelemetry agent does: string literals ({@code '...'} with {@code ''} inside,
 * PostgreSQL's {@code $$...$$} and {@code $tag$...$tag$}), numbers (with fraction and exponent) and hex numbers
 * ({@code 0x1F}) become {@code ?}; so do {@code "..."} strings, except for the databases where double quotes only
 * ever quote identifiers. Identifiers ({@code `x`}, {@code [x]}, dotted names), keywords, {@code TRUE}, {@code NULL},
 * parameter markers ({@code ?}, {@code $1}) stay. Literals inside comments are replaced as well. Runs of
 * whitespace become one space (a newline after a line comment). A list of only literals and markers after
 * {@code IN} becomes {@code (?)}. {@code CREATE USER}, {@code ALTER USER} and SAP HANA's {@code CONNECT} may carry an
 * unquoted password: the text is cut after the keyword and ends with {@code ?}. Texts over 32 KiB are cut.
 *
 * <p>The summary ({@code db.query.summary}, semantic conventions 1.37): each operation keyword (every
 * {@code SELECT}, including subqueries; {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}, DDL and the
 * rest where a statement starts) followed by the tables it names: those after {@code FROM} (each of a comma list),
 * {@code JOIN}, {@code INTO} and {@code UPDATE}, the object kind and name of DDL ({@code CREATE TABLE owners}), the
 * procedure of {@code CALL}/{@code EXEC}. The operation is the first one of a text holding one statement; the
 * collection the one table a statement names, when it names exactly one.
 */
final class SqlAnalyzer {

  static final int MAX_TEXT_LENGTH = 32 * 1024;
  private static final int MAX_DEPTH = 32;

  // what kind of statement (or subquery) is being read at a parenthesis depth
  private static final byte NO_OPERATION = 0;
  private static final byte SELECT = 1;
  private static final byte INSERT = 2;
  private static final byte DELETE = 3;
  private static final byte OTHER = 4;

  // what the next word is taken for
  private static final int NOTHING = 0;
  private static final int TABLE = 1;
  private static final int LIST_TABLE = 2;
  private static final int AFTER_LIST_TABLE = 3;
  private static final int DDL_KIND = 4;
  private static final int DDL_NAME = 5;
  private static final int TRUNCATED_TABLE = 6;
  private static final int PROCEDURE = 7;

  /** Words that end a {@code FROM} list. */
  private static final String[] LIST_ENDS = {
    "WHERE",
    "GROUP",
    "ORDER",
    "HAVING",
    "LIMIT",
    "OFFSET",
    "FETCH",
    "UNION",
    "INTERSECT",
    "EXCEPT",
    "MINUS",
    "ON",
    "USING",
    "SET",
    "VALUES",
    "WINDOW",
    "FOR",
    "RETURNING",
    "CONNECT",
    "START",
    "QUALIFY",
  };

  /** Operations that count only where a statement starts (a subquery starts with SELECT). */
  private static final String[] STATEMENT_OPERATIONS = {
    "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "CALL", "EXEC", "EXECUTE", "CREATE", "DROP",
        "ALTER",
    "TRUNCATE", "VALUES", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "SHOW", "SET", "USE", "GRANT",
        "REVOKE",
    "LOCK", "DECLARE",
  };

  /** Words between {@code CREATE}/{@code DROP}/{@code ALTER} and the kind of object, or before its name. */
  private static final String[] DDL_MODIFIERS = {
    "OR", "REPLACE", "UNIQUE", "TEMPORARY", "TEMP", "GLOBAL", "LOCAL", "UNLOGGED", "MATERIALIZED",
        "CACHED",
    "MEMORY", "IF", "NOT", "EXISTS", "EXTERNAL", "VIRTUAL", "FORCE", "PUBLIC", "CLUSTERED",
        "NONCLUSTERED",
  };

  private final String text;
  private final int length;
  private final boolean doubleQuotesAreIdentifiers;
  private final StringBuilder out;
  private final StringBuilder summary = new StringBuilder();
  private int pos;
  private boolean cut;

  private String firstOperation;
  private int statementsWithOperation;
  private String onlyTable;
  private boolean severalTables;
  private String procedure;

  private int depth;
  private final byte[] operationAt = new byte[MAX_DEPTH];
  private final boolean[] listAt = new boolean[MAX_DEPTH];
  private int expect = NOTHING;
  private boolean ddlOfTable;
  private int wordsInStatement;
  private boolean withClause;
  private boolean statementHasOperation;

  /** Where the list after {@code IN} started in the output, while it holds only literals and markers. */
  private int inListStart = -1;

  private int inListDepth;
  private boolean afterIn;

  private SqlAnalyzer(String text, boolean doubleQuotesAreIdentifiers) {
    this.text = text;
    this.length = text.length();
    this.doubleQuotesAreIdentifiers = doubleQuotesAreIdentifiers;
    this.out = new StringBuilder(Math.min(length, MAX_TEXT_LENGTH) + 2);
  }

  /**
   * @param doubleQuotesAreIdentifiers whether the database reads {@code "x"} only as an identifier (PostgreSQL,
   *     Oracle, ...); otherwise it is taken for a string and replaced
   */
  static SqlQuery analyze(String sql, boolean doubleQuotesAreIdentifiers) {
    return new SqlAnalyzer(sql, doubleQuotesAreIdentifiers).run();
  }

  private SqlQuery run() {
    boolean space = false;
    boolean newline = false;
    while (pos < length && !cut) {
      char c = text.charAt(pos);
      if (isWhitespace(c)) {
        while (pos < length && isWhitespace(text.charAt(pos))) {
          pos++;
        }
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(newline ? '\n' : ' ');
      }
      space = false;
      newline = false;
      char next = pos + 1 < length ? text.charAt(pos + 1) : 0;
      if (c == '-' && next == '-') {
        int end = text.indexOf('\n', pos);
        comment(end < 0 ? length : end);
        newline = true;
      } else if (c == '/' && next == '*') {
        int end = text.indexOf("*/", pos + 2);
        comment(end < 0 ? length : end + 2);
      } else if (c == '\'') {
        pos = endOfQuoted(pos, '\'', length);
        literal();
      } else if (c == '"') {
        int end = endOfQuoted(pos, '"', length);
        if (doubleQuotesAreIdentifiers) {
          word(pos, end, true);
          pos = end;
        } else {
          pos = end;
          literal();
        }
      } else if (c == '`') {
        int end = endOfQuoted(pos, '`', length);
        word(pos, end, true);
        pos = end;
      } else if (c == '[' && bracketIdentifierEnd() > 0) {
        int end = bracketIdentifierEnd();
        word(pos, end, true);
        pos = end;
      } else if (c == '$') {
        dollar();
      } else if (isDigit(c) || (c == '.' && isDigit(next))) {
        number();
      } else if (isIdentifierStart(c)) {
        int end = endOfName(pos);
        word(pos, end, false);
        pos = end;
      } else {
        punctuation(c);
        pos++;
      }
      if (out.length() > MAX_TEXT_LENGTH) {
        out.setLength(MAX_TEXT_LENGTH);
        cut = true;
      }
    }
    return result();
  }

  private SqlQuery result() {
    endStatement();
    int end = summary.length();
    if (end > 0 && summary.charAt(end - 1) == ';') {
      summary.setLength(end - 1);
    }
    boolean oneStatement = statementsWithOperation == 1;
    return new SqlQuery(
        out.toString(),
        summary.length() == 0 ? null : summary.toString(),
        oneStatement ? firstOperation : null,
        oneStatement && !severalTables ? onlyTable : null,
        oneStatement ? procedure : null);
  }

  // ---- tokens

  /** A comment, kept with the literals in it replaced; a quote inside ends at the comment's end at the latest. */
  private void comment(int end) {
    afterIn = false;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '\'' || c == '"') {
        pos = endOfQuoted(pos, c, end);
        out.append('?');
      } else if (isDigit(c)) {
        while (pos < end && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
        out.append('?');
      } else if (isIdentifierStart(c)) {
        int nameEnd = Math.min(endOfName(pos), end);
        out.append(text, pos, nameEnd);
        pos = nameEnd;
      } else {
        out.append(c);
        pos++;
      }
    }
  }

  /** The end (exclusive) of a quoted run starting at {@code start}; a doubled quote is part of it. */
  private int endOfQuoted(int start, char quote, int limit) {
    int i = start + 1;
    while (i < limit) {
      if (text.charAt(i) == quote) {
        if (i + 1 < limit && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return limit;
  }

  /** The end of {@code [name]} when the brackets hold a plain name (SQL Server), else 0 (an array subscript). */
  private int bracketIdentifierEnd() {
    for (int i = pos + 1; i < length; i++) {
      char c = text.charAt(i);
      if (c == ']') {
        return i > pos + 1 && !isDigit(text.charAt(pos + 1)) ? i + 1 : 0;
      }
      if (!isIdentifierPart(c) && c != ' ' && c != '-') {
        return 0;
      }
    }
    return 0;
  }

  /** {@code $1} (a parameter marker), {@code $$...$$} or {@code $tag$...$tag$} (a literal), or a lone dollar. */
  private void dollar() {
    int i = pos + 1;
    if (i < length && isDigit(text.charAt(i))) {
      while (i < length && isDigit(text.charAt(i))) {
        i++;
      }
      out.append(text, pos, i);
      pos = i;
      afterIn = false;
      return;
    }
    while (i < length && isIdentifierPart(text.charAt(i)) && text.charAt(i) != '$') {
      i++;
    }
    if (i < length
        && text.charAt(i) == '$'
        && (i == pos + 1 || isIdentifierStart(text.charAt(pos + 1)))) {
      String tag = text.substring(pos, i + 1);
      int close = text.indexOf(tag, i + 1);
      pos = close < 0 ? length : close + tag.length();
      literal();
      return;
    }
    punctuation('$');
    pos++;
  }

  private void number() {
    int i = pos;
    if (text.charAt(i) == '0'
        && i + 2 < length
        && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
        && isHexDigit(text.charAt(i + 2))) {
      i += 2;
      while (i < length && isHexDigit(text.charAt(i))) {
        i++;
      }
    } else {
      while (i < length && (isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
        int exponent = i + 1;
        if (exponent < length && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
          exponent++;
        }
        if (exponent < length && isDigit(text.charAt(exponent))) {
          i = exponent;
          while (i < length && isDigit(text.charAt(i))) {
            i++;
          }
        }
      }
    }
    pos = i;
    literal();
  }

  private void literal() {
    out.append('?');
    afterIn = false;
  }

  private void punctuation(char c) {
    if (c == '(') {
      out.append(c);
      openParenthesis();
      return;
    }
    if (c == ')') {
      closeParenthesis();
      return;
    }
    out.append(c);
    afterIn = false;
    if (c == ',') {
      if (listAt[depth] && expect == AFTER_LIST_TABLE) {
        expect = LIST_TABLE;
      }
    } else if (c == ';') {
      endStatement();
    } else if (c != '?' && inListStart >= 0) {
      inListStart = -1;
    }
  }

  private void openParenthesis() {
    if (afterIn) {
      inListStart = out.length() - 1;
      inListDepth = depth + 1;
      afterIn = false;
    } else {
      inListStart = -1;
    }
    if (depth + 1 < MAX_DEPTH) {
      depth++;
      operationAt[depth] = NO_OPERATION;
      listAt[depth] = false;
    }
    if (expect != TABLE && expect != LIST_TABLE) {
      // a table, or a subquery, may follow an opening parenthesis where a table was expected
      expect = NOTHING;
    }
  }

  private void closeParenthesis() {
    if (inListStart >= 0 && depth == inListDepth) {
      out.setLength(inListStart);
      out.append("(?)");
    } else {
      out.append(')');
    }
    inListStart = -1;
    afterIn = false;
    if (depth > 0) {
      depth--;
    }
    expect = listAt[depth] ? AFTER_LIST_TABLE : NOTHING;
  }

  private void endStatement() {
    if (summary.length() > 0 && summary.charAt(summary.length() - 1) != ';') {
      summary.append(';');
    }
    depth = 0;
    operationAt[0] = NO_OPERATION;
    listAt[0] = false;
    expect = NOTHING;
    wordsInStatement = 0;
    withClause = false;
    statementHasOperation = false;
  }

  // ---- words

  private void word(int start, int end, boolean quoted) {
    out.append(text, start, end);
    if (inListStart >= 0) {
      inListStart = -1;
    }
    boolean firstWord = wordsInStatement++ == 0;
    afterIn = !quoted && is(start, end, "IN");
    if (expectedWord(start, end, quoted)) {
      return;
    }
    if (quoted) {
      tableWord(start, end);
      return;
    }
    if (is(start, end, "SELECT")) {
      operation(SELECT, "SELECT");
    } else if ((firstWord || (withClause && depth == 0))
        && oneOf(start, end, STATEMENT_OPERATIONS)) {
      statementOperation(start, end);
    } else if (firstWord && is(start, end, "WITH")) {
      withClause = true;
    } else if (firstWord && is(start, end, "CONNECT")) {
      cutAfterKeyword();
    } else if (is(start, end, "FROM")) {
      byte operation = operationAt[depth];
      if (operation == SELECT || operation == DELETE) {
        listAt[depth] = true;
        expect = LIST_TABLE;
      }
    } else if (is(start, end, "JOIN")) {
      if (operationAt[depth] == SELECT || listAt[depth]) {
        listAt[depth] = true;
        expect = TABLE;
      }
    } else if (is(start, end, "INTO")) {
      if (operationAt[depth] == INSERT) {
        expect = TABLE;
      }
    } else if (listAt[depth] && oneOf(start, end, LIST_ENDS)) {
      listAt[depth] = false;
      expect = NOTHING;
    } else {
      tableWord(start, end);
    }
  }

  /** Handles a word that the words before it say what it is; false when they do not. */
  private boolean expectedWord(int start, int end, boolean quoted) {
    switch (expect) {
      case DDL_KIND:
        if (!quoted && oneOf(start, end, DDL_MODIFIERS)) {
          return true;
        }
        String kind = text.substring(start, end).toUpperCase(Locale.ROOT);
        appendSummary(kind);
        if (kind.equals("USER")) {
          cutAfterKeyword();
          return true;
        }
        ddlOfTable = kind.equals("TABLE");
        expect = DDL_NAME;
        return true;
      case DDL_NAME:
        if (!quoted && oneOf(start, end, DDL_MODIFIERS)) {
          return true;
        }
        expect = NOTHING;
        if (ddlOfTable) {
          table(start, end);
        } else {
          appendSummary(text.substring(start, end));
        }
        return true;
      case TRUNCATED_TABLE:
        if (!quoted && is(start, end, "TABLE")) {
          appendSummary("TABLE");
          return true;
        }
        expect = NOTHING;
        table(start, end);
        return true;
      case PROCEDURE:
        expect = NOTHING;
        procedure = text.substring(start, end);
        appendSummary(procedure);
        return true;
      default:
        return false;
    }
  }

  /** A word where a table may be expected. */
  private void tableWord(int start, int end) {
    if (expect != TABLE && expect != LIST_TABLE) {
      return;
    }
    if (is(start, end, "ONLY") || is(start, end, "LATERAL")) {
      return;
    }
    expect = expect == LIST_TABLE ? AFTER_LIST_TABLE : NOTHING;
    table(start, end);
  }

  private void statementOperation(int start, int end) {
    String name = text.substring(start, end).toUpperCase(Locale.ROOT);
    switch (name) {
      case "INSERT":
      case "REPLACE":
      case "MERGE":
        operation(INSERT, name);
        break;
      case "DELETE":
        operation(DELETE, name);
        break;
      case "UPDATE":
        operation(OTHER, name);
        expect = TABLE;
        break;
      case "CREATE":
      case "DROP":
      case "ALTER":
        operation(OTHER, name);
        expect = DDL_KIND;
        break;
      case "TRUNCATE":
        operation(OTHER, name);
        expect = TRUNCATED_TABLE;
        break;
      case "CALL":
      case "EXEC":
      case "EXECUTE":
        operation(OTHER, name);
        expect = PROCEDURE;
        break;
      default:
        operation(OTHER, name);
    }
  }

  private void operation(byte kind, String name) {
    operationAt[depth] = kind;
    listAt[depth] = false;
    expect = NOTHING;
    if (!statementHasOperation) {
      statementHasOperation = true;
      statementsWithOperation++;
      if (firstOperation == null) {
        firstOperation = name;
      }
    }
    appendSummary(name);
  }

  private void table(int start, int end) {
    String name = text.substring(start, end);
    appendSummary(name);
    if (onlyTable == null) {
      onlyTable = name;
    } else if (!onlyTable.equals(name)) {
      severalTables = true;
    }
  }

  private void appendSummary(String part) {
    if (summary.length() > 0) {
      summary.append(' ');
    }
    summary.append(part);
  }

  /** The rest of the text may hold a password: it is left out. */
  private void cutAfterKeyword() {
    out.append(" ?");
    cut = true;
  }

  // ---- characters

  private boolean is(int start, int end, String keyword) {
    return end - start == keyword.length()
        && text.regionMatches(true, start, keyword, 0, keyword.length());
  }

  private boolean oneOf(int start, int end, String[] keywords) {
    for (String keyword : keywords) {
      if (is(start, end, keyword)) {
        return true;
      }
    }
    return false;
  }

  /** The end of a name, with its dotted parts ({@code schema.table}, {@code "s"."t"}). */
  private int endOfName(int start) {
    int i = start;
    while (true) {
      while (i < length && isIdentifierPart(text.charAt(i))) {
        i++;
      }
      if (i + 1 < length && text.charAt(i) == '.') {
        char next = text.charAt(i + 1);
        if (isIdentifierStart(next)) {
          i++;
          continue;
        }
        if ((next == '"' && doubleQuotesAreIdentifiers) || next == '`') {
          i = endOfQuoted(i + 1, next, length);
          continue;
        }
      }
      return i;
    }
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c > 127 && Character.isLetter(c));
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$' || c == '#';
  }
}
