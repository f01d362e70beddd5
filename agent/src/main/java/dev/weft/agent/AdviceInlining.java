package dev.weft.agent;

import dev.weft.bootstrap.Settings;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * With {@code otel.javaagent.experimental.inline-advice=false}, keeps the JIT compilers from inlining the advice
 * methods (and what they call) into the instrumented methods: the advice is compiled on its own and called.
 *
 * <p>Why: inlined, the advice grows the compilations of the application's hottest methods. Compiling Jetty's {@code
 * ScopedHandler.nextScope} (the servlet chain, with the servlet advice inlined into it) took C2 89 MB of compiler
 * arenas instead of 37 MB without the agent; glibc keeps most of that memory once it is freed, so the peak and the
 * resident memory under load were about 60 MB higher (benchmark servlet app, fixed heap: peak RSS +86 MB over no
 * agent, +24 MB without advice inlining). The price is a call per advice instead of inlined code.
 *
 * <p>How: a compiler directive (the JDK's {@code Compiler.directives_add}) added through the platform's {@code
 * DiagnosticCommand} MBean, which matches every method and forbids inlining {@code dev.weft.instrumentation.*}
 * into it. Directives apply first-match, so this one hides any directive of the user's added before it, and while a
 * directive has inline rules HotSpot no longer consults {@code -XX:CompileCommand=inline|dontinline}; the platform
 * MBean server is started for it, and methods compiled before it keep their inlined advice. Hence opt-in; the same
 * effect from the first compilation, without the MBean server, is the JVM option {@code
 * -XX:CompileCommand=dontinline,dev/weft/instrumentation/*.*}.
 */
final class AdviceInlining {

  static final String SETTING = "otel.javaagent.experimental.inline-advice";

  /** What {@code Compiler.directives_add} answers when it took the directive ("1 compiler directives added"). */
  private static final String ADDED = "compiler directives added";

  private static final String DIRECTIVE =
      "[ { match: \"*.*\", inline: \"-dev/weft/instrumentation/*.*\" } ]";

  private AdviceInlining() {}

  /** Adds the directive if the setting asks for it; warns, and leaves inlining as it is, if the JVM refuses. */
  static void applySetting() {
    if (Settings.getBoolean(SETTING, true)) {
      return;
    }
    try {
      Path directive = Files.createTempFile("weft-jit-directive", ".json");
      try {
        Files.write(directive, DIRECTIVE.getBytes(StandardCharsets.US_ASCII));
        Object answer =
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd",
                    new Object[] {new String[] {directive.toString()}},
                    new String[] {String[].class.getName()});
        // the command does not throw when it refuses a directive (a parse error, the directives
        // limit): it says so
        if (String.valueOf(answer).contains(ADDED)) {
          AgentLog.debug("advice not inlined by the JIT compilers: " + answer);
        } else {
          AgentLog.warn(
              SETTING
                  + "=false is not honoured, the JVM refused the compiler directive: "
                  + answer);
        }
      } finally {
        Files.deleteIfExists(directive);
      }
    } catch (Exception | LinkageError e) {
      AgentLog.warn(SETTING + "=false is not honoured, the compiler directive was not added: " + e);
    }
  }
}
