package dev.weft.smoke;

/** Spring Boot 4.0 (Spring Web MVC 7.0, Tomcat 11), with the DispatcherServlet at {@code /}, as by default. */
class SpringBoot4Test extends SpringBootAppTest {

  @Override
  String jarProperty() {
    return "weft.spring-boot-4.jar";
  }

  @Override
  String servletPath() {
    return "";
  }
}
