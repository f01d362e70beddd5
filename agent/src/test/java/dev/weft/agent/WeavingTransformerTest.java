package dev.weft.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.weaving.Greeter;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The weaving pipeline on a class that exists only as bytes (as a class being loaded does): how it is described,
 * and in which order the type weavings are asked and applied.
 */
class WeavingTransformerTest {

  private static final String WOVEN = "example.Polite";
  private static final ClassLoader LOADER = WeavingTransformerTest.class.getClassLoader();

  /** A subclass of {@link Greeter} that no class loader knows. */
  private static byte[] classFile() {
    return new ByteBuddy().subclass(Greeter.class).name(WOVEN).make().getBytes();
  }

  @Test
  void theCandidateIsDescribedFromItsBytesAndItsSuperTypesThroughItsLoader() {
    LoaderTypePools pools = new LoaderTypePools();

    TypePool candidatePool = pools.forCandidate(LOADER, WOVEN, classFile());
    TypeDescription candidate = candidatePool.describe(WOVEN).resolve();

    assertEquals(Greeter.class.getName(), candidate.getSuperClass().asErasure().getName());
    assertEquals(1, candidate.getSuperClass().getDeclaredMethods().filter(named("greet")).size());
    // the loader's own pool, kept for the next candidate, never saw the candidate's bytes
    assertFalse(pools.of(LOADER).describe(WOVEN).isResolved());
    assertSame(pools.of(LOADER), pools.of(LOADER));
  }

  @Test
  void everyMatchingWeavingDecoratesInTurnAndTheLoaderIsAskedOnlyForAMatchingType() {
    List<String> asked = new ArrayList<>();
    WeavingTransformer transformer =
        new WeavingTransformer(
            List.of(
                weaving("first", named(WOVEN), asked),
                weaving("unmatched", named("example.Other"), asked),
                weaving("second", any(), asked)),
            null,
            null);

    byte[] woven = transform(transformer);

    assertNotNull(woven);
    assertEquals(
        List.of(
            "first: type",
            "first: loader",
            "first: decorate",
            "unmatched: type",
            "second: type",
            "second: loader",
            "second: decorate"),
        asked);
  }

  @Test
  void aClassNoWeavingWantsIsLeftAsItIs() {
    List<String> asked = new ArrayList<>();
    WeavingTransformer transformer =
        new WeavingTransformer(
            List.of(weaving("unmatched", named("example.Other"), asked)), null, null);

    assertNull(transform(transformer));
  }

  @Test
  void aFailureLeavesTheClassUntransformedWithOneWarning() {
    TypeWeaving failing =
        new TypeWeaving(
            any(),
            any(),
            (builder, loader) -> {
              throw new IllegalStateException("broken advice");
            },
            true);
    WeavingTransformer transformer = new WeavingTransformer(List.of(failing), null, null);

    String said =
        StderrCapture.of(
            () -> {
              assertNull(transform(transformer));
              assertNull(transform(transformer));
            });

    assertEquals(1, said.lines().count(), said);
    assertTrue(said.contains("could not instrument " + WOVEN), said);
    assertTrue(said.contains("broken advice"), said);
  }

  private static byte[] transform(WeavingTransformer transformer) {
    return transformer.transform(null, LOADER, WOVEN.replace('.', '/'), null, null, classFile());
  }

  /** A weaving that says when it is asked and applied, and changes nothing. */
  private static TypeWeaving weaving(
      String name, ElementMatcher<TypeDescription> types, List<String> asked) {
    return new TypeWeaving(
        type -> {
          asked.add(name + ": type");
          return types.matches(type);
        },
        loader -> {
          asked.add(name + ": loader");
          return true;
        },
        (builder, loader) -> {
          asked.add(name + ": decorate");
          return builder;
        },
        false);
  }
}
