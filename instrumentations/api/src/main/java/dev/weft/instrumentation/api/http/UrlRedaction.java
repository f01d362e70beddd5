package dev.weft.instrumentation.api.http;

import dev.weft.instrumentation.api.InstrumentationConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps credentials out of {@code url.full} and {@code url.query}, as the HTTP semantic conventions (v1.37) ask: the
 * user info of a URL becomes {@code REDACTED:REDACTED}, and the value of each sensitive query parameter
 * (the conventions' {@code AWSAccessKeyId}, {@code Signature}, {@code sig}, {@code X-Goog-Signature}, with
 * {@code X-Amz-Signature} as the OpenTelemetry agent adds, and the names set in {@value #EXTRA_NAMES_SETTING})
 * becomes {@code REDACTED}.
 *
 * <p>Runs on every traced request: a URL without {@code ?} is returned as it is after one {@code indexOf}, and a
 * query is scanned once, copied only when it holds a value to redact.
 */
public final class UrlRedaction {

  static final String EXTRA_NAMES_SETTING = "otel.instrumentation.http.sensitive-query-parameters";
  private static final String REDACTED = "REDACTED";
  private static final String[] DEFAULT_NAMES = {
    "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature", "X-Amz-Signature"
  };
  private static final UrlRedaction CONFIGURED =
      new UrlRedaction(InstrumentationConfig.getList(EXTRA_NAMES_SETTING));

  private final String[] sensitiveNames;

  UrlRedaction(List<String> extraNames) {
    List<String> names = new ArrayList<>(List.of(DEFAULT_NAMES));
    names.addAll(extraNames);
    this.sensitiveNames = names.toArray(new String[0]);
  }

  /** {@code url.full} of a request: {@code userInfo} (as the URL holds it, may be null) and sensitive values redacted. */
  public static String fullUrl(String url, String userInfo) {
    return CONFIGURED.redactFullUrl(url, userInfo);
  }

  /** {@code url.query} of a request (may be null), sensitive values redacted. */
  public static String query(String query) {
    return query == null ? null : CONFIGURED.redactQuery(query);
  }

  String redactFullUrl(String url, String userInfo) {
    String withoutCredentials =
        userInfo == null || userInfo.isEmpty()
            ? url
            : url.replace(userInfo + "@", "REDACTED:REDACTED@");
    int question = withoutCredentials.indexOf('?');
    if (question < 0) {
      return withoutCredentials;
    }
    int fragment = withoutCredentials.indexOf('#', question);
    int queryEnd = fragment < 0 ? withoutCredentials.length() : fragment;
    String query = withoutCredentials.substring(question + 1, queryEnd);
    String redacted = redactQuery(query);
    return redacted == query
        ? withoutCredentials
        : withoutCredentials.substring(0, question + 1)
            + redacted
            + withoutCredentials.substring(queryEnd);
  }

  /** The query with each sensitive parameter's value replaced; the same instance when there is none. */
  String redactQuery(String query) {
    StringBuilder redacted = null;
    int copiedUpTo = 0;
    int start = 0;
    int length = query.length();
    while (start < length) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      int equals = query.indexOf('=', start);
      if (equals > start && equals < end && isSensitive(query, start, equals)) {
        if (redacted == null) {
          redacted = new StringBuilder(length);
        }
        redacted.append(query, copiedUpTo, equals + 1).append(REDACTED);
        copiedUpTo = end;
      }
      start = end + 1;
    }
    if (redacted == null) {
      return query;
    }
    return redacted.append(query, copiedUpTo, length).toString();
  }

  private boolean isSensitive(String query, int nameStart, int nameEnd) {
    int nameLength = nameEnd - nameStart;
    for (String name : sensitiveNames) {
      if (name.length() == nameLength && query.regionMatches(nameStart, name, 0, nameLength)) {
        return true;
      }
    }
    return false;
  }
}
