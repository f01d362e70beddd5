package dev.weft.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /names/<name>}: the name, capitalised; 404 for nobody. */
final class Names extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = request.getPathInfo().substring(1);
    if (name.equals("nobody")) {
      response.sendError(404);
      return;
    }
    response.getWriter().write(Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }
}
