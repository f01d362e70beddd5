package dev.weft.smoke;

import java.io.IOException;
import java.net.ServerSocket;

/** Local ports for the tests. */
final class Ports {

  private Ports() {}

  /**
   * A local port nothing listens on (just now): one for a server the test starts, or the address of a peer that
   * is gone.
   */
  static int free() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
