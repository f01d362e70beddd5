package dev.weft.instrumentation.annotations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class TracedMethodTest {

  static class Annotated {
    @WithSpan
    void plain() {}

    @WithSpan(value = "custom name", kind = SpanKind.CONSUMER)
    void namedConsumer() {}

    @WithSpan(inheritContext = false)
    void newTrace() {}

    @WithSpan
    void attributed(
        @SpanAttribute("order.id") long id,
        @SpanAttribute String customer,
        String notAnAttribute,
        @SpanAttribute("express") boolean express) {}

    @WithSpan
    CompletableFuture<String> future() {
      return null;
    }

    @io.opentelemetry.extension.annotations.WithSpan(value = "legacy", kind = SpanKind.PRODUCER)
    void legacy(
        @io.opentelemetry.extension.annotations.SpanAttribute("legacy.attribute") String value,
        @SpanAttribute("other.package") String ignored) {}

    void notAnnotated() {}
  }

  private static TracedMethod read(String name) throws Exception {
    Method method =
        Arrays.stream(Annotated.class.getDeclaredMethods())
            .filter(each -> each.getName().equals(name))
            .findFirst()
            .orElseThrow();
    return TracedMethod.of(method);
  }

  private static String[] attributeNames(TracedMethod method) {
    return Arrays.stream(method.attributes).map(ParameterAttribute::name).toArray(String[]::new);
  }

  @Test
  void defaultsToClassAndMethodNameAndInternal() throws Exception {
    TracedMethod plain = read("plain");
    assertEquals("Annotated.plain", plain.spanName);
    assertEquals(SpanKind.INTERNAL, plain.kind);
    assertTrue(plain.inheritContext);
    assertEquals(0, plain.attributes.length);
    assertFalse(plain.endsWithStage);
  }

  @Test
  void takesNameKindAndContextFromTheAnnotation() throws Exception {
    TracedMethod named = read("namedConsumer");
    assertEquals("custom name", named.spanName);
    assertEquals(SpanKind.CONSUMER, named.kind);
    assertFalse(read("newTrace").inheritContext);
  }

  @Test
  void attributesAreNamedByTheAnnotationOrTheParameter() throws Exception {
    assertArrayEquals(
        new String[] {"order.id", "customer", "express"}, attributeNames(read("attributed")));
  }

  @Test
  void aMethodReturningAFutureEndsWithIt() throws Exception {
    assertTrue(read("future").endsWithStage);
  }

  @Test
  void readsTheOlderExtensionAnnotationsWithTheirOwnSpanAttribute() throws Exception {
    TracedMethod legacy = read("legacy");
    assertEquals("legacy", legacy.spanName);
    assertEquals(SpanKind.PRODUCER, legacy.kind);
    assertArrayEquals(new String[] {"legacy.attribute"}, attributeNames(legacy));
  }

  @Test
  void aMethodWithoutTheAnnotationIsNotTraced() throws Exception {
    assertNull(read("notAnnotated"));
  }
}
