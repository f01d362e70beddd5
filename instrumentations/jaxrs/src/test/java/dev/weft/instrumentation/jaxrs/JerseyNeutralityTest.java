package dev.weft.instrumentation.jaxrs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module is compiled against Jersey 3 but must link against Jersey 2 as well: its classes may name Jersey's
 * own types, never the JAX-RS API's, whose package differs between the two ({@code jakarta.ws.rs},
 * {@code javax.ws.rs}).
 */
class JerseyNeutralityTest {

  @Test
  void compiledClassesNameNoJaxrsApiType() throws Exception {
    Path classes =
        Path.of(JaxrsModule.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/weft/instrumentation/jaxrs");
    List<Path> classFiles;
    try (Stream<Path> files = Files.list(classes)) {
      classFiles =
          files.filter(file -> file.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertTrue(classFiles.size() >= 4, "found the module's classes: " + classFiles);
    for (Path classFile : classFiles) {
      String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      assertFalse(constants.contains("jakarta/"), classFile + " names a jakarta type");
      assertFalse(constants.contains("javax/ws/"), classFile + " names a javax.ws.rs type");
    }
  }
}
