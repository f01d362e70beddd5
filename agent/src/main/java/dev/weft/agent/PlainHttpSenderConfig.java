package dev.weft.agent;

import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.ProxyOptions;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The configuration of an HTTP sender whose endpoint is plain {@code http}, with a TLS context that is never used.
 *
 * <p>Why: given no TLS context, the JDK's {@code HttpClient} takes the JVM's default one as it is built, whether
 * or not it will ever speak TLS, and that loads the JSSE provider and the trust store (about 150 classes, every CA
 * certificate parsed): 0.4 s of CPU and 16 MB of resident memory in a JVM that does nothing else, spent by the
 * exporter thread on the first export, in the middle of the application's start. A plain-http client never asks its
 * context for more than its parameters (protocols included: Java 11's client reads them); this one answers that, and
 * refuses to make a TLS connection.
 */
final class PlainHttpSenderConfig implements HttpSenderConfig {

  private final HttpSenderConfig config;

  private PlainHttpSenderConfig(HttpSenderConfig config) {
    this.config = config;
  }

  /** {@code config} with the unused TLS context if its endpoint is plain http and it has no context of its own. */
  static HttpSenderConfig of(HttpSenderConfig config) {
    return "http".equalsIgnoreCase(config.getEndpoint().getScheme())
            && config.getSslContext() == null
        ? new PlainHttpSenderConfig(config)
        : config;
  }

  @Override
  public SSLContext getSslContext() {
    return UnusedTlsContext.INSTANCE;
  }

  @Override
  public URI getEndpoint() {
    return config.getEndpoint();
  }

  @Override
  public String getContentType() {
    return config.getContentType();
  }

  @Override
  public Compressor getCompressor() {
    return config.getCompressor();
  }

  @Override
  public Duration getTimeout() {
    return config.getTimeout();
  }

  @Override
  public Duration getConnectTimeout() {
    return config.getConnectTimeout();
  }

  @Override
  public Supplier<Map<String, List<String>>> getHeadersSupplier() {
    return config.getHeadersSupplier();
  }

  @Override
  public ProxyOptions getProxyOptions() {
    return config.getProxyOptions();
  }

  @Override
  public RetryPolicy getRetryPolicy() {
    return config.getRetryPolicy();
  }

  @Override
  public X509TrustManager getTrustManager() {
    return config.getTrustManager();
  }

  @Override
  public ExecutorService getExecutorService() {
    return config.getExecutorService();
  }

  @Override
  public long getMaxResponseBodySize() {
    return config.getMaxResponseBodySize();
  }

  @Override
  public List<String> getEnabledProtocols() {
    return config.getEnabledProtocols();
  }

  /** A TLS context with default parameters and nothing else: no provider, no keys, no trust store. */
  static final class UnusedTlsContext extends SSLContext {

    static final UnusedTlsContext INSTANCE = new UnusedTlsContext();

    private UnusedTlsContext() {
      super(new Refusing(), null, "none");
    }

    private static final class Refusing extends SSLContextSpi {

      @Override
      protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {}

      // Java 11's client reads the supported parameters' protocols, later ones the default
      // parameters
      @Override
      protected SSLParameters engineGetDefaultSSLParameters() {
        return parameters();
      }

      @Override
      protected SSLParameters engineGetSupportedSSLParameters() {
        return parameters();
      }

      private static SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return parameters;
      }

      @Override
      protected SSLEngine engineCreateSSLEngine() {
        throw refused();
      }

      @Override
      protected SSLEngine engineCreateSSLEngine(String host, int port) {
        throw refused();
      }

      @Override
      protected SSLSocketFactory engineGetSocketFactory() {
        throw refused();
      }

      @Override
      protected SSLServerSocketFactory engineGetServerSocketFactory() {
        throw refused();
      }

      @Override
      protected SSLSessionContext engineGetServerSessionContext() {
        throw refused();
      }

      @Override
      protected SSLSessionContext engineGetClientSessionContext() {
        throw refused();
      }

      private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException(
            "the exporter's endpoint is plain http: it has no TLS set up");
      }
    }
  }
}
