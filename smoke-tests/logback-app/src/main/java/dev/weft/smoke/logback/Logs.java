package dev.weft.smoke.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each message through both of logback.xml's loggers: on the logging thread, and through an AsyncAppender. */
final class Logs {

  private static final Logger SYNC = LoggerFactory.getLogger("sync");
  private static final Logger ASYNC = LoggerFactory.getLogger("async");

  private Logs() {}

  static void info(String message) {
    SYNC.info(message);
    ASYNC.info(message);
  }
}
