package dev.weft.instrumentation.annotations;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcludedMethodsTest {

  @Test
  void readsTheOpenTelemetryAgentsFormat() {
    ExcludedMethods excluded = ExcludedMethods.parse("my.pkg.First[one, two];my.pkg.Second[three]");
    assertTrue(excluded.excludes("my.pkg.First", "one"));
    assertTrue(excluded.excludes("my.pkg.First", "two"));
    assertTrue(excluded.excludes("my.pkg.Second", "three"));
    assertFalse(excluded.excludes("my.pkg.First", "three"));
    assertFalse(excluded.excludes("my.pkg.Third", "one"));
  }

  @Test
  void unsetOrMalformedExcludesNothing() {
    assertFalse(ExcludedMethods.parse(null).excludes("a.B", "c"));
    assertFalse(ExcludedMethods.parse(" ").excludes("a.B", "c"));
    ExcludedMethods malformed = ExcludedMethods.parse("a.B;[c];a.C[d");
    assertFalse(malformed.excludes("a.B", "c"));
    assertFalse(malformed.excludes("a.C", "d"));
  }
}
