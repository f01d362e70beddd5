/**
 * Weft View: {@code java -jar weft-agent.jar view} shows the traces of the JVMs that run under the agent, with
 * nothing else installed.
 *
 * <p>How it fits the agent. The classes are a module of their own ({@code viewer/}), bundled hidden in the agent jar
 * under {@code weft/} like the rest of the agent. The jar's {@code Main-Class}, {@code dev.weft.bootstrap.WeftCommand},
 * opens them through an agent class loader of its own; premain never names them and they register no service, so a
 * JVM under {@code -javaagent:} loads none of them: the agent's start-up and per-request cost are unchanged. No
 * dependency beyond the JDK: the two listeners are {@code com.sun.net.httpserver.HttpServer}s (module
 * {@code jdk.httpserver}); about 60 KB of the jar.
 *
 * <p>Choices:
 * <ul>
 *   <li><b>Receiver</b> ({@link dev.weft.view.OtlpReceiver}): OTLP/HTTP {@code POST /v1/traces} on
 *       {@code 127.0.0.1:4318}, the agent's default endpoint, in {@code http/protobuf} (a small wire-format reader,
 *       {@link dev.weft.view.ProtoReader}, reads only the fields shown, {@link dev.weft.view.OtlpProtobuf}) and
 *       {@code http/json} (a strict JSON parser, {@link dev.weft.view.JsonReader}, and
 *       {@link dev.weft.view.OtlpJson}: lowerCamelCase names, hex ids, enums as numbers or names, 64-bit integers as
 *       strings), optionally gzip. Refusals are counted and shown on the page, never retried by the sender:
 *       405 not POST, 415 another content type or encoding, 413 over {@code --max-body} (8 MB, after
 *       decompression), 400 malformed (including ids of the wrong length). Loopback only by default; TCP_NODELAY
 *       is set, as the JDK's server otherwise stalls each export ~40 ms on delayed ACKs.</li>
 *   <li><b>Memory</b> ({@link dev.weft.view.TraceStore}): at most {@code --max-spans} (50,000) spans; beyond,
 *       whole traces are dropped, oldest received first, and counted (spans and traces); spans received twice (a
 *       retried export) are kept once. A few hundred MB of heap at most, at a few KB a span.</li>
 *   <li><b>Traces</b> ({@link dev.weft.view.TraceSnapshot}): spans nest by parent id; one whose parent has not
 *       arrived is shown as a root rather than hidden; the trace is named by its earliest true root.</li>
 *   <li><b>Page</b> ({@link dev.weft.view.ViewServer}, {@link dev.weft.view.ViewApi}): one static HTML page, script
 *       and style sheet from the jar, no external asset, so it works offline; it polls {@code /api/*} every 2 s and
 *       re-renders only what changed. {@code /} lists the traces newest first (filters: service, span name,
 *       minimum duration, errors only; the 500 newest matches), {@code /trace/{id}} draws the waterfall and, for
 *       the span selected ({@code ?span=}), its attributes, events, links (to the linked trace) and resource.
 *       All span text is set as DOM text, never as HTML.</li>
 *   <li><b>Flow graph</b> ({@link dev.weft.view.FlowGraph}): nodes are a service's operations (service, kind,
 *       span name) by call path, edges parent-to-child calls, aggregated over all traces held or one workflow (root
 *       service and span name): count, p50/p99 (nearest rank), error rate, and self time (duration less the
 *       children's overlap), whose largest holder is marked as the bottleneck; the critical path follows the
 *       costliest call from the most frequent entry point. By call path rather than by operation alone, so the
 *       graph has no cycles (the demo's service is a client at the root and again inside its request) and each
 *       call site keeps its own figures. Laid out in the browser as SVG: a column per depth, rows following the
 *       caller's row.</li>
 *   <li><b>Terminal</b> ({@link dev.weft.view.TerminalPrinter}, {@link dev.weft.view.WaterfallText}): a trace is
 *       printed once, when it has received no span for {@code --quiet-ms} (6 s, longer than the SDK's default 5 s
 *       export delay, so a trace's spans from other services still make it); block characters when the terminal
 *       is UTF-8, else ASCII. Spans that arrive later show on the page only.</li>
 * </ul>
 */
package dev.weft.view;
