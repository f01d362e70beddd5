package dev.weft.instrumentation.annotations;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@link TracedMethod} of each advised method, read on its first call and then found by the key the advice
 * passes, a string constant of the call site ({@code Class.method(descriptor)}). This class is loaded once per
 * application class loader, where class names are unique, so the key names one method.
 */
final class TracedMethods {

  private static final ConcurrentMap<String, Object> BY_KEY = new ConcurrentHashMap<>();

  /** Stands for a method whose annotations could not be read: it stays untraced. */
  private static final Object NOT_TRACED = new Object();

  private TracedMethods() {}

  /** @return the method's description, or {@code null} when it is not to be traced */
  static TracedMethod get(Class<?> type, String key) {
    Object known = BY_KEY.get(key);
    if (known == null) {
      known = BY_KEY.computeIfAbsent(key, k -> read(type, k));
    }
    return known == NOT_TRACED ? null : (TracedMethod) known;
  }

  private static Object read(Class<?> type, String key) {
    try {
      for (Method method : type.getDeclaredMethods()) {
        if (key.equals(key(method))) {
          TracedMethod traced = TracedMethod.of(method);
          return traced == null ? NOT_TRACED : traced;
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // annotations that cannot be read leave the method untraced
    }
    return NOT_TRACED;
  }

  /** The key the advice passes for {@code method}: {@code @Advice.Origin("#t.#m#d")}. */
  static String key(Method method) {
    StringBuilder key =
        new StringBuilder(method.getDeclaringClass().getName())
            .append('.')
            .append(method.getName())
            .append('(');
    for (Class<?> parameter : method.getParameterTypes()) {
      key.append(descriptor(parameter));
    }
    return key.append(')').append(descriptor(method.getReturnType())).toString();
  }

  private static String descriptor(Class<?> type) {
    if (type.isArray()) {
      return type.getName().replace('.', '/');
    }
    if (type.isPrimitive()) {
      return String.valueOf(primitiveDescriptor(type));
    }
    return "L" + type.getName().replace('.', '/') + ";";
  }

  private static char primitiveDescriptor(Class<?> type) {
    if (type == void.class) {
      return 'V';
    } else if (type == boolean.class) {
      return 'Z';
    } else if (type == byte.class) {
      return 'B';
    } else if (type == char.class) {
      return 'C';
    } else if (type == short.class) {
      return 'S';
    } else if (type == int.class) {
      return 'I';
    } else if (type == long.class) {
      return 'J';
    } else if (type == float.class) {
      return 'F';
    }
    return 'D';
  }
}
