package dev.weft.view;

/** A request body that is not a well-formed OTLP trace export; the receiver answers 400. */
final class MalformedInputException extends Exception {

  MalformedInputException(String message) {
    super(message, null, false, false);
  }
}
