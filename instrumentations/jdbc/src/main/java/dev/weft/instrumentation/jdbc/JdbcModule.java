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
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** CLIENT spans for statements executed through {@code java.sql}: any driver, pool or wrapper. */
public final class JdbcModule extends InstrumentationModule {

  private static final String ADVICE = "dev.weft.instrumentation.jdbc.advice.";

  public JdbcModule() {
    super("jdbc");
  }

  @Override
  public String supportedVersions() {
    return "java.sql (JDBC 4) of Java 11 and newer";
  }

  /** Drivers and pools name their implementations after what they implement (PgStatement, HikariProxyConnection). */
  @Override
  public boolean mayApplyTo(String internalName) {
    return internalName.contains("Statement") || internalName.contains("Connection");
  }

  /** Implementations of {@code java.sql} interfaces name them; Hibernate's many {@code *Statement} classes do not. */
  @Override
  public List<String> referencedPrefixes() {
    return List.of("java/sql/");
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
    return ADVICE;
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations() {
    ElementMatcher.Junction<MethodDescription> implemented = isPublic().and(not(isAbstract())).and(not(isBridge()));
    ElementMatcher.Junction<MethodDescription> execute =
        namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
    return List.of(
        TypeInstrumentation.forTypes(not(isInterface()).and(hasSuperType(named("java.sql.Statement"))))
            .advise(implemented.and(execute).and(takesArgument(0, String.class)), ADVICE + "StatementExecuteAdvice")
            .advise(implemented.and(execute).and(takesArguments(0)), ADVICE + "PreparedExecuteAdvice")
            .advise(implemented.and(namedOneOf("executeBatch", "executeLargeBatch")).and(takesArguments(0)),
                ADVICE + "ExecuteBatchAdvice")
            .advise(implemented.and(named("addBatch")).and(takesArguments(0)), ADVICE + "AddBatchAdvice")
            .advise(implemented.and(named("addBatch")).and(takesArguments(String.class)),
                ADVICE + "AddBatchTextAdvice")
            .advise(implemented.and(named("clearBatch")).and(takesArguments(0)), ADVICE + "ClearBatchAdvice"),
        TypeInstrumentation.forTypes(not(isInterface()).and(hasSuperType(named("java.sql.Connection"))))
            .advise(implemented.and(namedOneOf("prepareStatement", "prepareCall"))
                .and(takesArgument(0, String.class)), ADVICE + "PrepareAdvice"));
  }
}
