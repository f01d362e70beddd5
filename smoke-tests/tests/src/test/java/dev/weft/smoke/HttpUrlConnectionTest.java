package dev.weft.smoke;

import java.util.List;

/** The JDK's {@code HttpURLConnection}. */
class HttpUrlConnectionTest extends HttpClientTestBase {

  @Override
  List<String> calls() {
    return List.of("/shop/chain/url-connection");
  }
}
