package dev.weft.instrumentation.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks module code that uses library classes or members only some supported versions have, and that runs only
 * where they are: a class of its own that is loaded only after a version check, or a method the library calls only
 * in the versions that declare it. The build's reference check (module-checks) accepts its uses of what some
 * supported versions lack, though not of what all of them lack; everywhere else such a use must be declared in
 * {@link InstrumentationModule#requirements()}. Read from class files only; nothing reads it at run time.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface NewerLibraryOnly {

  /** The versions that have what the code uses, for the reader: for example {@code "servlet 4.0"}. */
  String value();
}
