package dev.weft.instrumentation.annotations;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The methods {@code otel.instrumentation.opentelemetry-instrumentation-annotations.exclude-methods} leaves
 * untraced, in the OpenTelemetry agent's format {@code my.package.MyClass1[method1,method2];my.package.MyClass2[method3]}.
 * Applied when classes are transformed, so an excluded method costs nothing at run time.
 */
final class ExcludedMethods {

  private static final ExcludedMethods NONE = new ExcludedMethods(Collections.emptyMap());

  /** Method names by binary class name. */
  private final Map<String, Set<String>> methodsByClass;

  private ExcludedMethods(Map<String, Set<String>> methodsByClass) {
    this.methodsByClass = methodsByClass;
  }

  /** @param setting the setting's value, or {@code null}; malformed entries are skipped */
  static ExcludedMethods parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    Map<String, Set<String>> methodsByClass = new HashMap<>();
    for (String entry : setting.split(";")) {
      int open = entry.indexOf('[');
      int close = entry.lastIndexOf(']');
      if (open <= 0 || close < open) {
        continue;
      }
      String className = entry.substring(0, open).trim();
      for (String method : entry.substring(open + 1, close).split(",")) {
        if (!method.isBlank() && !className.isEmpty()) {
          methodsByClass.computeIfAbsent(className, name -> new HashSet<>()).add(method.trim());
        }
      }
    }
    return new ExcludedMethods(methodsByClass);
  }

  boolean excludes(String className, String methodName) {
    Set<String> methods = methodsByClass.get(className);
    return methods != null && methods.contains(methodName);
  }

  ElementMatcher<MethodDescription> matcher() {
    return method ->
        !methodsByClass.isEmpty()
            && excludes(method.getDeclaringType().asErasure().getName(), method.getName());
  }
}
