package dev.weft.view;

import java.net.InetSocketAddress;

/** The command line of {@code java -jar weft-agent.jar view}. */
final class ViewOptions {

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar weft-agent.jar view [options]",
          "  --otlp HOST:PORT     where the OTLP/HTTP receiver listens (default 127.0.0.1:4318, the agent's default",
          "                       endpoint); http/protobuf and http/json at /v1/traces",
          "  --http HOST:PORT     where the page is served (default 127.0.0.1:16686)",
          "  --max-spans N        spans held; beyond, the oldest traces are dropped (default 50000)",
          "  --max-body BYTES     largest export request accepted, after decompression (default 8388608)",
          "  --quiet-ms MS        a trace is printed once it received no span for this long (default 6000)",
          "  --no-terminal        print no traces on the terminal",
          "  --help               this text");

  InetSocketAddress otlp = new InetSocketAddress("127.0.0.1", 4318);
  InetSocketAddress http = new InetSocketAddress("127.0.0.1", 16686);
  int maxSpans = 50_000;
  int maxBodyBytes = 8 * 1024 * 1024;
  long quietMillis = 6_000;
  boolean terminal = true;
  boolean help;

  /** The options, or an {@link IllegalArgumentException} that says what is wrong. */
  static ViewOptions parse(String[] args) {
    ViewOptions options = new ViewOptions();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--help":
        case "-h":
          options.help = true;
          break;
        case "--no-terminal":
          options.terminal = false;
          break;
        case "--otlp":
          options.otlp = address(option, value(args, ++i, option));
          break;
        case "--http":
          options.http = address(option, value(args, ++i, option));
          break;
        case "--max-spans":
          options.maxSpans = (int) positive(option, value(args, ++i, option), Integer.MAX_VALUE);
          break;
        case "--max-body":
          options.maxBodyBytes =
              (int) positive(option, value(args, ++i, option), Integer.MAX_VALUE - 8);
          break;
        case "--quiet-ms":
          options.quietMillis = positive(option, value(args, ++i, option), Long.MAX_VALUE);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + option);
      }
    }
    return options;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  /** {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT} (loopback); port 0 takes a free port. */
  static InetSocketAddress address(String option, String value) {
    int colon = value.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(option + " takes HOST:PORT, not " + value);
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = (int) number(option, value.substring(colon + 1), 65535);
    return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, port);
  }

  private static long positive(String option, String value, long max) {
    long number = number(option, value, max);
    if (number < 1) {
      throw new IllegalArgumentException(option + " must be at least 1");
    }
    return number;
  }

  private static long number(String option, String value, long max) {
    try {
      long number = Long.parseLong(value.trim());
      if (number < 0 || number > max) {
        throw new IllegalArgumentException(
            option + " must be between 0 and " + max + ", not " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number, not " + value);
    }
  }
}
