package dev.weft.agent.tracecontext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.TraceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code tracestate} rules of W3C Trace Context Level 2, case by case from the specification's text. */
class TraceStateHeaderTest {

  private static Map<String, String> members(String header) {
    Level2TraceState state = TraceStateHeader.parse(header);
    return state == null ? null : state.asMap();
  }

  private static String roundTrip(String header) {
    return TraceStateHeader.format(TraceStateHeader.parse(header));
  }

  @Test
  void keyMayHoldAtSignsAnywhereButFirst() {
    // key = ( lcalpha / DIGIT ) 0*255 ( keychar ); keychar = lcalpha / DIGIT / "_" / "-" / "*" /
    // "/" / "@"
    assertEquals(Map.of("foo@", "1", "bar", "2"), members("foo@=1,bar=2"));
    assertEquals(Map.of("foo@@bar", "1", "bar", "2"), members("foo@@bar=1,bar=2"));
    assertEquals(Map.of("foo@bar@baz", "1", "bar", "2"), members("foo@bar@baz=1,bar=2"));
    assertEquals("foo@@bar=1,bar=2", roundTrip("foo@@bar=1,bar=2"));
  }

  @Test
  void keyMustBeginWithALowercaseLetterOrADigit() {
    assertNull(members("@foo=1,bar=2"));
    assertNull(members("FOO=1"));
    assertNull(members("_foo=1"));
    assertEquals(Map.of("0foo", "1"), members("0foo=1"));
  }

  @Test
  void keyHoldsNoOtherCharacters() {
    assertNull(members("foo =1"));
    assertNull(members("foo.bar=1"));
    assertNull(members("fOo=1"));
    String allowed = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
    assertEquals(Map.of(allowed, "1"), members(allowed + "=1"));
    assertEquals(Map.of(allowed + "@a-z0-9_-*/", "1"), members(allowed + "@a-z0-9_-*/=1"));
  }

  @Test
  void keyOfUpTo256Characters() {
    String longest = "z".repeat(256);
    assertEquals(Map.of("foo", "1", longest, "1"), members("foo=1," + longest + "=1"));
    assertNull(members("foo=1," + "z".repeat(257) + "=1"));
    // Level 1's tenant and vendor limits (240 and 13) are gone
    String tenantAndVendor = "t".repeat(241) + "@" + "v".repeat(14);
    assertEquals("1", members("foo=1," + tenantAndVendor + "=1").get(tenantAndVendor));
    assertEquals("1", members("t@" + "v".repeat(15) + "=1").get("t@" + "v".repeat(15)));
  }

  @Test
  void valueOfUpTo256PrintableCharactersButCommaAndEqualsNotEndingInASpace() {
    StringBuilder all = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != ',' && c != '=') {
        all.append(c);
      }
    }
    assertEquals(all.toString(), members("foo=" + all).get("foo")); // leading space kept
    assertEquals("x".repeat(256), members("foo=" + "x".repeat(256)).get("foo"));
    assertNull(members("foo=" + "x".repeat(257)));
    assertNull(members("foo=bar=baz"));
    assertNull(members("foo=,bar=3"));
    assertNull(members("foo=1\u00e9"));
    assertNull(members("foo=a\u0001"));
    assertNull(members("foo"));
  }

  @Test
  void optionalWhitespaceAroundMembersIsIgnored() {
    assertEquals(
        Map.of("foo", "1", "bar", "2", "baz", "3"), members("foo=1 \t , \t bar=2, \t baz=3"));
    assertEquals(Map.of("foo", "1"), members("\t foo=1 \t"));
    assertEquals("foo=1,bar=2", roundTrip(" foo=1 , bar=2\t"));
  }

  @Test
  void emptyMembersAreAllowedAndSkipped() {
    assertTrue(members("").isEmpty());
    assertTrue(members(" , ,\t").isEmpty());
    assertEquals("foo=1", roundTrip(",foo=1,"));
    assertNull(roundTrip(""));
  }

  @Test
  void upTo32Members() {
    StringBuilder header = new StringBuilder();
    for (int i = 1; i <= 32; i++) {
      header.append(i == 1 ? "" : ",").append(String.format("bar%02d=%02d", i, i));
    }
    assertEquals(32, members(header.toString()).size());
    assertNull(members(header + ",bar33=33"));
    assertEquals(32, members(header + ", ,").size()); // empty members do not count
  }

  @Test
  void duplicatedKeysKeepTheFirst() {
    assertEquals("foo=1", roundTrip("foo=1,foo=1"));
    assertEquals("foo=1,bar=3", roundTrip("foo=1,bar=3,foo=2"));
  }

  @Test
  void headerOfUpTo512CharactersIsSentWhole() {
    // 8 entries of 63 characters and their 7 commas: 511 characters
    List<String> entries = new ArrayList<>();
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      entries.add("k" + i);
      entries.add("v".repeat(60));
      header.append(i == 0 ? "" : ",").append("k").append(i).append('=').append("v".repeat(60));
    }
    assertEquals(511, header.length());
    assertEquals(header.toString(), TraceStateHeader.format(entries));
  }

  @Test
  void longerHeaderLosesEntriesOver128CharactersFirst() {
    String large = "big=" + "x".repeat(200); // 204 characters
    String small = "v".repeat(100);
    String header = "a=" + small + "," + large + ",b=" + small + ",c=" + small + ",d=" + small;
    assertEquals(616, header.length());
    assertEquals("a=" + small + ",b=" + small + ",c=" + small + ",d=" + small, roundTrip(header));
  }

  @Test
  void longerHeaderThenLosesEntriesFromTheRight() {
    StringBuilder header = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      header
          .append(i == 0 ? "" : ",")
          .append("k")
          .append(i)
          .append('=')
          .append("v".repeat(97)); // 100 each
    }
    String sent = roundTrip(header.toString());
    assertEquals(5 * 100 + 4, sent.length()); // five entries fit in 512
    assertTrue(sent.startsWith("k0=") && sent.contains("k4=") && !sent.contains("k5="));
  }

  @Test
  void builderFollowsTheMutationRules() {
    TraceState state =
        TraceStateHeader.parse("a=1,b=2,c=3").toBuilder()
            .put("b", "9") // updated: moves to the front
            .put("new@", "x") // added: goes first; Level 2 allows the key
            .put("BAD", "x") // refused
            .put("d", "bad,value") // refused
            .remove("c")
            .build();
    assertEquals("new@=x,b=9,a=1", TraceStateHeader.format(state));
  }

  @Test
  void builderKeeps32MembersDroppingTheRightMost() {
    StringBuilder header = new StringBuilder();
    for (int i = 1; i <= 32; i++) {
      header.append(i == 1 ? "" : ",").append("k").append(i).append("=1");
    }
    TraceState state =
        TraceStateHeader.parse(header.toString()).toBuilder().put("new", "1").build();
    assertEquals(32, state.size());
    assertEquals("1", state.get("new"));
    assertNull(state.get("k32"));
    assertEquals("1", state.get("k31"));
  }
}
