package dev.weft.agent;

import dev.weft.bootstrap.Settings;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the JIT compilers from inlining the advice methods (and what they call) into the instrumented methods: the
 * advice is compiled on its own and called. {@code otel.javaagent.experimental.inline-advice=true} leaves inlining
 * to the JIT.
 *
 * <p>Why: inlined, the advice grows the compilations of the application's hottest methods. Compiling Jetty's {@code
 * ScopedHandler.nextScope} (the servlet chain, with the servlet advice inlined into it) took C2 89 MB of compiler
 * arenas instead of 37 MB without the agent; glibc keeps most of that memory once it is freed, so the peak and the
 * resident memory under load were 40 MB and more higher (benchmark servlet app, fixed heap, two rounds: peak RSS
 * +59 and +102 MB over no agent with inlining, +22 and +19 MB without), for no more CPU per request.
 *
 * <p>How: compiler directives (the JDK's {@code Compiler.directives_add}, run as a {@link DiagnosticCommand} once
 * the SDK is ready) that forbid inlining {@code dev.weft.instrumentation.*} into any method but Weft's own.
 * Directives apply first-match, so this one would hide the user's own directives, and while it matches HotSpot no
 * longer consults {@code -XX:CompileCommand} inline rules: a JVM started with either keeps its inlining as it is.
 * Methods compiled before the directive keep their inlined advice. A JVM without directives (not HotSpot) inlines
 * as it will, and so does the Graal JIT compiler, which takes the directive but not its inline rules.
 */
final class AdviceInlining {

  static final String SETTING = "otel.javaagent.experimental.inline-advice";

  /** What {@code Compiler.directives_add} answers when it took the directives ("2 compiler directives added"). */
  private static final String ADDED = "compiler directives added";

  private static final String NOT_APPLIED =
      SETTING + "=false is not applied, the JIT may inline advice: ";

  /**
   * Two directives, the first matched first: Weft's own methods compile with the JIT's usual inlining (the advice
   * with its helpers and the SDK inlined into it, as before); every other method, with no advice inlined into it.
   * The first needs an option to be a directive: it restates the default.
   */
  private static final String DIRECTIVE =
      "[ { match: \"dev/weft/*.*\", BackgroundCompilation: true },"
          + " { match: \"*.*\", inline: \"-dev/weft/instrumentation/*.*\" } ]";

  private AdviceInlining() {}

  /**
   * Adds the directive unless the setting or the JVM's own inlining options say otherwise. When the directive
   * cannot be added, the advice stays inlined: with a warning if the user set the setting to {@code false}, else
   * said in debug output.
   */
  static void applySetting(Instrumentation instrumentation) {
    if (Settings.getBoolean(SETTING, false)) {
      return;
    }
    boolean asked = Settings.getString(SETTING) != null;
    try {
      String usersInlining = usersInliningOption();
      if (usersInlining != null) {
        tell(
            asked,
            NOT_APPLIED
                + "the JVM option "
                + usersInlining
                + " decides inlining, and HotSpot would ignore it beside the directive");
        return;
      }
      String answer = addDirective(instrumentation);
      // the command does not throw when it refuses a directive (a parse error, the directives
      // limit): it says so
      if (answer.contains(ADDED)) {
        AgentLog.debug("advice not inlined by the JIT compilers: " + answer.trim());
      } else {
        tell(asked, NOT_APPLIED + "the JVM refused it: " + answer.trim());
      }
    } catch (Exception | LinkageError e) {
      tell(asked, NOT_APPLIED + e);
    }
  }

  /**
   * The JVM option the user's inlining comes from, if any: their directives, or inline rules ({@code exclude} is one:
   * an excluded method is not inlined either, as long as no directive with inline rules matches).
   */
  private static String usersInliningOption() {
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-XX:CompilerDirectivesFile=")
          || option.startsWith("-XX:CompileCommandFile=")
          || (option.startsWith("-XX:CompileCommand=")
              && (option.contains("inline") || option.contains("exclude")))) {
        return option;
      }
    }
    return null;
  }

  private static String addDirective(Instrumentation instrumentation) throws Exception {
    Path directive = Files.createTempFile("weft-jit-directive", ".json");
    try {
      Files.write(directive, DIRECTIVE.getBytes(StandardCharsets.US_ASCII));
      // quoted: the command's arguments are split at spaces, which a temporary directory may hold
      return DiagnosticCommand.execute(
          instrumentation, "Compiler.directives_add \"" + directive + "\"");
    } finally {
      Files.deleteIfExists(directive);
    }
  }

  private static void tell(boolean asked, String message) {
    if (asked) {
      AgentLog.warn(message);
    } else {
      AgentLog.debug(message);
    }
  }
}
