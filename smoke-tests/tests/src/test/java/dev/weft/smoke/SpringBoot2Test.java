package dev.weft.smoke;

/**
 * Spring Boot 2.7 (Spring Web MVC 5.3 on javax.servlet, Tomcat 9), with the DispatcherServlet at {@code /}. Spring 5.3
 * hands a request no handler matched to {@code /error} itself, which must not become its route.
 */
class SpringBoot2Test extends SpringBootAppTest {

  @Override
  String jarProperty() {
    return "weft.spring-boot-2.jar";
  }

  @Override
  String servletPath() {
    return "";
  }
}
