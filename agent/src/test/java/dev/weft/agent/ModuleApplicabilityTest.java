package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision, per class loader, whether a module applies: its marker class, then its requirements. */
class ModuleApplicabilityTest {

  private static final ClassLoader TEST_LOADER = ModuleApplicabilityTest.class.getClassLoader();

  @Test
  void aLoaderWithoutTheMarkerClassIsLeftAloneSilently() {
    ModuleApplicability applicability =
        new ModuleApplicability(module("org.example.Absent", List.of()));

    String said = StderrCapture.of(() -> assertFalse(applicability.matches(TEST_LOADER)));
    assertEquals("", said);
  }

  @Test
  void declaredAndInheritedMethodsSatisfyRequirements() {
    ModuleApplicability applicability =
        new ModuleApplicability(
            module(
                "org.junit.jupiter.api.Test",
                List.of(
                    Requirement.type("java.util.ArrayList"),
                    Requirement.method("java.util.ArrayList", "ensureCapacity", "(I)V"),
                    Requirement.method(
                        "java.util.ArrayList",
                        "stream",
                        "()Ljava/util/stream/Stream;"), // Collection's
                    Requirement.method(
                        "java.util.ArrayList",
                        "containsAll",
                        "(Ljava/util/Collection;)Z")))); // a superclass's

    assertTrue(applicability.matches(TEST_LOADER));
  }

  @Test
  void aMissingMethodTurnsTheModuleOffWithOneWarningNamingIt() throws Exception {
    Requirement missing = Requirement.method("java.util.ArrayList", "ensureCapacity", "(J)V");
    ModuleApplicability applicability =
        new ModuleApplicability(
            module(
                "org.junit.jupiter.api.Test",
                List.of(Requirement.type("java.util.ArrayList"), missing)));

    try (URLClassLoader another = new URLClassLoader(new URL[0], TEST_LOADER)) {
      String said =
          StderrCapture.of(
              () -> {
                assertFalse(applicability.matches(TEST_LOADER));
                assertFalse(applicability.matches(TEST_LOADER));
                assertFalse(applicability.matches(another));
              });

      assertEquals(1, said.lines().count(), said);
      assertTrue(
          said.contains("instrumentation test is off") && said.contains(missing.toString()), said);
    }
  }

  @Test
  void aMissingClassTurnsTheModuleOff() {
    ModuleApplicability applicability =
        new ModuleApplicability(
            module(
                "org.junit.jupiter.api.Test",
                List.of(Requirement.type("org.junit.jupiter.api.NoSuchAnnotation"))));

    StderrCapture.of(() -> assertFalse(applicability.matches(TEST_LOADER)));
  }

  @Test
  void theBootstrapLoaderCountsOnlyForModulesOfJdkClasses() {
    InstrumentationModule library = module("java.lang.Thread", List.of());
    InstrumentationModule jdk =
        new TestModule("java.lang.Thread", List.of()) {
          @Override
          public List<String> jdkTypes() {
            return List.of("java.lang.Thread");
          }
        };

    assertFalse(new ModuleApplicability(library).matches(null));
    assertTrue(new ModuleApplicability(jdk).matches(null));
  }

  private static InstrumentationModule module(String markerClass, List<Requirement> requirements) {
    return new TestModule(markerClass, requirements);
  }

  private static class TestModule extends InstrumentationModule {
    private final String markerClass;
    private final List<Requirement> requirements;

    TestModule(String markerClass, List<Requirement> requirements) {
      super("test");
      this.markerClass = markerClass;
      this.requirements = requirements;
    }

    @Override
    public String supportedVersions() {
      return "test 1.x";
    }

    @Override
    public boolean mayApplyTo(String className) {
      return false;
    }

    @Override
    public String markerClass() {
      return markerClass;
    }

    @Override
    public List<Requirement> requirements() {
      return requirements;
    }

    @Override
    public List<TypeInstrumentation> typeInstrumentations() {
      return List.of();
    }
  }
}
