package dev.weft.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.NewerLibraryOnly;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smallest form of the OpenTelemetry agent's muzzle, run in the build: for every instrumentation module, each
 * library class, method and field its code uses must be declared in its {@link InstrumentationModule#requirements()}
 * (the agent then turns the module off, with a warning, for a version that lacks it) or be present in every
 * supported library version the build resolves (or, in code marked {@link NewerLibraryOnly}, in some of them); each requirement must be present in every supported version (or the
 * module would be off for a version it claims); and each advice class it names must exist with the shape the agent
 * links ({@link AdviceShape}).
 *
 * <p>What counts as the library: every class that is neither the JDK's, nor Weft's ({@code dev.weft.}), nor given to
 * modules by the agent (its OpenTelemetry API and SDK, semantic conventions, Byte Buddy), unless the module takes
 * that package from the application ({@link InstrumentationModule#applicationPackages()}).
 */
class ModuleReferencesTest {

  /**
   * The library versions each module's classes are checked against, by package (the longest prefix wins), as
   * directories of jars that module-checks/pom.xml copies: the oldest and the newest of each supported line.
   * Packages not listed here may use nothing but the JDK.
   */
  private static final Map<String, List<String>> VERSIONS_BY_PACKAGE =
      Map.ofEntries(
          Map.entry("dev.weft.instrumentation.kafka.", List.of("kafka-oldest", "kafka-newest")),
          Map.entry("dev.weft.instrumentation.okhttp.", List.of("okhttp-oldest", "okhttp-newest")),
          Map.entry(
              "dev.weft.instrumentation.servlet.javax.",
              List.of("javax-servlet-oldest", "javax-servlet-newest")),
          Map.entry(
              "dev.weft.instrumentation.servlet.jakarta.",
              List.of("jakarta-servlet-oldest", "jakarta-servlet-newest")),
          Map.entry("dev.weft.instrumentation.jaxrs.", List.of("jersey-oldest", "jersey-newest")),
          Map.entry(
              "dev.weft.instrumentation.springwebmvc.",
              List.of(
                  "spring-webmvc-javax-oldest",
                  "spring-webmvc-javax-newest",
                  "spring-webmvc-jakarta-oldest",
                  "spring-webmvc-jakarta-newest")),
          Map.entry(
              "dev.weft.instrumentation.springwebmvc.javax.",
              List.of("spring-webmvc-javax-oldest", "spring-webmvc-javax-newest")),
          Map.entry(
              "dev.weft.instrumentation.springwebmvc.jakarta.",
              List.of("spring-webmvc-jakarta-oldest", "spring-webmvc-jakarta-newest")),
          Map.entry(
              "dev.weft.instrumentation.logbackmdc.", List.of("logback-oldest", "logback-newest")),
          Map.entry(
              "dev.weft.instrumentation.log4jcontextdata.",
              List.of("log4j-oldest", "log4j-newest")),
          Map.entry(
              "dev.weft.instrumentation.opentelemetryapi.application.",
              List.of("opentelemetry-api-oldest", "opentelemetry-api-newest")),
          Map.entry(
              "dev.weft.instrumentation.annotations.",
              List.of("annotations-oldest", "annotations-newest")));

  /** Packages whose classes the agent's class loader gives every module. */
  private static final List<String> AGENT_PACKAGES =
      List.of(
          "dev/weft/",
          "io/opentelemetry/api/",
          "io/opentelemetry/context/",
          "io/opentelemetry/semconv/",
          "io/opentelemetry/sdk/",
          "net/bytebuddy/");

  private static final LibraryVersion JDK_ONLY = LibraryVersion.jdkOnly();

  private static final List<InstrumentationModule> modules = new ArrayList<>();
  private static final Map<String, LibraryVersion> versions = new HashMap<>();

  @BeforeAll
  static void loadModules() {
    ServiceLoader.load(InstrumentationModule.class).forEach(modules::add);
    for (List<String> names : VERSIONS_BY_PACKAGE.values()) {
      names.forEach(name -> versions.computeIfAbsent(name, LibraryVersion::of));
    }
  }

  @Test
  void everyModuleIsFound() {
    assertTrue(modules.size() >= 14, "modules found: " + modules);
  }

  /** The check is not vacuous: it reads what the Kafka module calls and finds it in the oldest kafka-clients. */
  @Test
  void readsTheUsesOfAModule() {
    Reference hasOffset =
        Reference.toMethod("org/apache/kafka/clients/producer/RecordMetadata", "hasOffset", "()Z");
    boolean found = false;
    for (ModuleClasses.ModuleClass moduleClass : ModuleClasses.of(modules)) {
      found |=
          moduleClass.name().startsWith("dev.weft.instrumentation.kafka.")
              && ClassReferences.of(moduleClass.bytes()).containsKey(hasOffset);
    }
    assertTrue(found, "the Kafka module's use of " + hasOffset + " was not read");
    assertTrue(versions.get("kafka-oldest").has(hasOffset));
    assertTrue(
        !versions
            .get("kafka-oldest")
            .has(Reference.toMethod(hasOffset.owner(), "hasOffset", "()J")));
  }

  @Test
  void libraryUsesAreDeclaredOrInEverySupportedVersion() {
    List<String> problems = new ArrayList<>();
    for (ModuleClasses.ModuleClass moduleClass : ModuleClasses.of(modules)) {
      InstrumentationModule module = owningModule(moduleClass.name());
      List<LibraryVersion> supported = versionsFor(moduleClass.name());
      for (Map.Entry<Reference, Boolean> use : ClassReferences.of(moduleClass.bytes()).entrySet()) {
        Reference reference = use.getKey();
        if (!isLibrary(reference.owner(), module, moduleClass.name())) {
          continue;
        }
        List<String> lacking = lacking(supported, reference);
        boolean newerOnly = !use.getValue() && lacking.size() < supported.size();
        if (!lacking.isEmpty() && !newerOnly && !declared(module, reference)) {
          problems.add(
              moduleClass.name()
                  + " uses "
                  + reference
                  + ", which "
                  + String.join(" and ", lacking)
                  + " lack"
                  + (lacking.size() == 1 ? "s" : "")
                  + " and "
                  + moduleName(module)
                  + " does not require");
        }
      }
    }
    assertEquals(
        List.of(), problems, "undeclared uses of library classes and members:\n" + lines(problems));
  }

  @Test
  void requirementsArePresentInEverySupportedVersion() {
    List<String> problems = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      List<LibraryVersion> supported = versionsFor(module.modulePackagePrefix());
      for (Requirement requirement : module.requirements()) {
        List<String> lacking = lacking(supported, asReference(requirement));
        if (!lacking.isEmpty()) {
          problems.add(
              moduleName(module)
                  + " requires "
                  + requirement
                  + ", which "
                  + String.join(" and ", lacking)
                  + " lack: the module would be off for a version it supports");
        }
      }
    }
    assertEquals(List.of(), problems, lines(problems));
  }

  @Test
  void adviceClassesExistWithTheShapeTheAgentLinks() {
    List<String> problems = new ArrayList<>();
    for (InstrumentationModule module : modules) {
      for (TypeInstrumentation type : module.typeInstrumentations()) {
        Set<String> adviceNames = new TreeSet<>();
        type.advice().forEach(advice -> adviceNames.add(advice.adviceClassName()));
        for (String linked : type.linkedClassNames()) {
          byte[] classFile = ModuleClasses.classFile(module, linked);
          List<String> wrong =
              classFile == null
                  ? List.of("does not exist")
                  : adviceNames.contains(linked)
                      ? AdviceShape.problemsOf(classFile)
                      : AdviceShape.problemsOfLoopHelper(classFile);
          wrong.forEach(
              problem -> problems.add(moduleName(module) + ": " + linked + " " + problem));
          if (classFile != null && !linked.startsWith(module.modulePackagePrefix())) {
            problems.add(
                moduleName(module)
                    + ": "
                    + linked
                    + " is outside the package its class loaders load ("
                    + module.modulePackagePrefix()
                    + ")");
          }
        }
      }
    }
    assertEquals(List.of(), problems, lines(problems));
  }

  private static boolean isLibrary(String owner, InstrumentationModule module, String className) {
    if (owner.startsWith("dev/weft/") || JDK_ONLY.hasClass(owner)) {
      return false;
    }
    if (module != null && className.startsWith(module.modulePackagePrefix())) {
      for (String applicationPackage : module.applicationPackages()) {
        if (owner.startsWith(applicationPackage.replace('.', '/'))) {
          return true;
        }
      }
    }
    for (String agentPackage : AGENT_PACKAGES) {
      if (owner.startsWith(agentPackage)) {
        return false;
      }
    }
    return true;
  }

  /** The module whose class's package is the longest prefix of the class name; null for shared classes. */
  private static InstrumentationModule owningModule(String className) {
    InstrumentationModule owner = null;
    int longest = -1;
    for (InstrumentationModule module : modules) {
      String prefix = module.getClass().getPackageName() + ".";
      if (className.startsWith(prefix) && prefix.length() > longest) {
        owner = module;
        longest = prefix.length();
      }
    }
    return owner;
  }

  private static List<LibraryVersion> versionsFor(String className) {
    String longest = null;
    for (String prefix : VERSIONS_BY_PACKAGE.keySet()) {
      if (className.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
        longest = prefix;
      }
    }
    if (longest == null) {
      return List.of(JDK_ONLY);
    }
    List<LibraryVersion> found = new ArrayList<>();
    VERSIONS_BY_PACKAGE.get(longest).forEach(name -> found.add(versions.get(name)));
    return found;
  }

  private static List<String> lacking(List<LibraryVersion> supported, Reference reference) {
    List<String> lacking = new ArrayList<>();
    for (LibraryVersion version : supported) {
      if (!version.has(reference)) {
        lacking.add(version.name());
      }
    }
    return lacking;
  }

  private static boolean declared(InstrumentationModule module, Reference reference) {
    if (module == null) {
      return false;
    }
    for (Requirement requirement : module.requirements()) {
      Reference required = asReference(requirement);
      boolean sameClass = required.owner().equals(reference.owner());
      if (sameClass && (reference.kind() == Reference.Kind.CLASS || required.equals(reference))) {
        return true;
      }
    }
    return false;
  }

  private static Reference asReference(Requirement requirement) {
    String owner = requirement.className().replace('.', '/');
    return requirement.methodName() == null
        ? Reference.toClass(owner)
        : Reference.toMethod(owner, requirement.methodName(), requirement.descriptor());
  }

  private static String moduleName(InstrumentationModule module) {
    return module == null
        ? "no module"
        : module.getClass().getSimpleName() + " (" + module.name() + ")";
  }

  private static String lines(List<String> problems) {
    return String.join("\n", problems);
  }
}
