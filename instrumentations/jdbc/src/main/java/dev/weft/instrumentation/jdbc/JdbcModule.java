package dev.weft.instrumentation.jdbc;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.weft.instrumentation.api.InstrumentationModule;
import dev.weft.instrumentation.api.Requirement;
import dev.weft.instrumentation.api.TypeInstrumentation;
import dev.weft.instrumentation.jdbc.advice.AddBatchAdvice;
import dev.weft.instrumentation.jdbc.advice.AddBatchTextAdvice;
import dev.weft.instrumentation.jdbc.advice.ClearBatchAdvice;
import dev.weft.instrumentation.jdbc.advice.ExecuteBatchAdvice;
import dev.weft.instrumentation.jdbc.advice.PrepareAdvice;
import dev.weft.instrumentation.jdbc.advice.PreparedExecuteAdvice;
import dev.weft.instrumentation.jdbc.advice.StatementExecuteAdvice;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** CLIENT spans for statements executed through {@code java.sql}: any driver, pool or wrapper. */
public final class JdbcModule extends InstrumentationModule {

  public JdbcModule() {
    super("jdbc");
  }

  @Override
  public String supportedVersions() {
    return "java.sql (JDBC 4) of Java 11 and newer";
  }

  /** Drivers and pools name their implementations after what they implement (PgStatement, HikariProxyConnection). */
  @Override
  public boolean mayApplyTo(String className) {
    return className.contains("Statement") || className.contains("Connection");
  }

  /** Implementations of {@code java.sql} interfaces name them; Hibernate's many {@code *Statement} classes do not. */
  @Override
  public List<String> referencedPrefixes() {
    return List.of("java.sql.");
  }

  @Override
  public String markerClass() {
    return "java.sql.Statement";
  }

  /** java.sql is part of every supported JDK: nothing can be missing. */
  @Override
  public List<Requirement> requirements() {
    return List.of();
  }

  /**
   * Only the advice is loaded per class loader: it names nothing but {@code java.sql} types, and everything it
   * calls is loaded once by the agent, so a pool and the driver below it share one notion of "already traced"
   * even when they come from different class loaders.
   */
  @Override
  public String modulePackagePrefix() {
    return StatementExecuteAdvice.class.getPackageName() + ".";
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    ElementMatcher.Junction<MethodDescription> implemented =
        isPublic().and(not(isAbstract())).and(not(isBridge()));
    ElementMatcher.Junction<MethodDescription> execute =
        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    return List.of(
        TypeInstrumentation.forTypes(
                not(isInterface()).and(hasSuperType(named("java.sql.Statement"))))
            .advise(
                implemented.and(execute).and(takesArgument(0, String.class)),
                StatementExecuteAdvice.class)
            .advise(implemented.and(execute).and(takesArguments(0)), PreparedExecuteAdvice.class)
            .advise(
                implemented
                    .and(namedOneOf("executeBatch", "executeLargeBatch"))
                    .and(takesArguments(0)),
                ExecuteBatchAdvice.class)
            .advise(implemented.and(named("addBatch")).and(takesArguments(0)), AddBatchAdvice.class)
            .advise(
                implemented.and(named("addBatch")).and(takesArguments(String.class)),
                AddBatchTextAdvice.class)
            .advise(
                implemented.and(named("clearBatch")).and(takesArguments(0)),
                ClearBatchAdvice.class),
        TypeInstrumentation.forTypes(
                not(isInterface()).and(hasSuperType(named("java.sql.Connection"))))
            .advise(
                implemented
                    .and(namedOneOf("prepareStatement", "prepareCall"))
                    .and(takesArgument(0, String.class)),
                PrepareAdvice.class));
  }
}
