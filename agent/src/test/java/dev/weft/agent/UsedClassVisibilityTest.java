package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsedClassVisibilityTest {

  private final UsedClassVisibility junit = new UsedClassVisibility(List.of("a/Missing", "org/junit/jupiter/api/Test"));

  @Test
  void aLoaderThatSeesAnyUsedClassIsScanned() {
    assertTrue(junit.seesAny(getClass().getClassLoader()));
  }

  @Test
  void aLoaderThatSeesNoneIsNot() throws Exception {
    try (URLClassLoader jdkOnly = new URLClassLoader(new URL[0], null)) {
      assertFalse(junit.seesAny(jdkOnly));
      assertFalse(junit.seesAny(jdkOnly), "decided once, and remembered");
    }
  }

  @Test
  void theJdkSeesNone() {
    assertFalse(junit.seesAny(null));
  }
}
