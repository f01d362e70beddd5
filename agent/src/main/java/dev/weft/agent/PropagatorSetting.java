package dev.weft.agent;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code otel.propagators} as far as Weft can honour it. The SDK refuses a list that names a propagator it does not
 * have, which would leave the whole application untraced; Weft instead names the ones it lacks in one warning and
 * uses the others, as the setting's intent allows.
 */
final class PropagatorSetting {

  static final String NAME = "otel.propagators";

  /** The propagators the agent jar carries: the SDK's own and those of its trace-propagators extension. */
  private static final List<String> SHIPPED =
      List.of("tracecontext", "baggage", "b3", "b3multi", "jaeger", "ottrace", "none");

  private static final String DEFAULT = "tracecontext,baggage";

  private PropagatorSetting() {}

  /**
   * @param extensionPropagators the names of the propagators extensions provide
   * @return the override of {@code otel.propagators} that leaves out what Weft lacks; empty when nothing is left out
   */
  static Map<String, String> honoured(ConfigProperties config, List<String> extensionPropagators) {
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String name : config.getList(NAME)) {
      (SHIPPED.contains(name) || extensionPropagators.contains(name) ? known : unknown).add(name);
    }
    if (unknown.isEmpty()) {
      return Map.of();
    }
    String used = known.isEmpty() ? DEFAULT : String.join(",", known);
    AgentLog.warn(
        NAME
            + " names propagators Weft does not ship, which it leaves out: "
            + unknown
            + "; it uses "
            + used
            + " (Weft ships "
            + SHIPPED
            + ")");
    return Map.of(NAME, used);
  }
}
