package dev.weft.smoke;

import java.util.List;

/** The application's own OkHttp 3.14, synchronous and asynchronous ({@code enqueue}) calls. */
class OkHttpTest extends HttpClientTestBase {

  @Override
  List<String> calls() {
    return List.of("/shop/chain/okhttp", "/shop/chain/okhttp-async");
  }
}
