package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IgnoredTypesTest {

  private final ClassLoader agentLoader = new ClassLoader(null) {};
  private final ClassLoader applicationLoader = IgnoredTypesTest.class.getClassLoader();
  private final IgnoredTypes ignoredTypes =
      new IgnoredTypes(agentLoader, Set.of("jdk/internal/net/http/HttpClientImpl"));

  @Test
  void jdkAndAgentAreNeverTransformed() {
    assertTrue(ignoredTypes.ignored(null, "org/example/Anything"));
    assertTrue(ignoredTypes.ignored(ClassLoader.getPlatformClassLoader(), "org/example/Anything"));
    assertTrue(ignoredTypes.ignored(agentLoader, "org/example/HttpServlet"));
    assertTrue(ignoredTypes.ignored(applicationLoader, "java/lang/Thread"));
    assertTrue(ignoredTypes.ignored(applicationLoader, "sun/nio/ch/SocketImpl"));
    assertTrue(ignoredTypes.ignored(applicationLoader, "net/bytebuddy/ByteBuddy"));
  }

  @Test
  void jdkClassesNamedByAModuleAreCandidates() {
    assertFalse(
        ignoredTypes.ignored(
            ClassLoader.getPlatformClassLoader(), "jdk/internal/net/http/HttpClientImpl"));
    assertTrue(
        ignoredTypes.ignored(
            ClassLoader.getPlatformClassLoader(), "jdk/internal/net/http/HttpRequestImpl"));
  }

  @Test
  void applicationClassesAreCandidates() {
    assertFalse(ignoredTypes.ignored(applicationLoader, "jakarta/servlet/http/HttpServlet"));
    assertFalse(
        ignoredTypes.ignored(applicationLoader, "org/apache/catalina/core/ApplicationFilterChain"));
  }
}
