package dev.weft.smoke;

/**
 * Spring Boot 3.5 (Spring Web MVC 6.2, Tomcat 10.1), with the DispatcherServlet mapped at a prefix
 * ({@code spring.mvc.servlet.path=/api}, so {@code /api/*}): routes carry the context path and the servlet path.
 */
class SpringBoot3Test extends SpringBootAppTest {

  @Override
  String jarProperty() {
    return "weft.spring-boot-3.jar";
  }

  @Override
  String servletPath() {
    return "/api";
  }
}
