package dev.weft.view;

import java.util.concurrent.atomic.AtomicLong;

/** What the OTLP receiver accepted and refused, by reason; shown on the page. */
final class ReceiverCounts {

  final AtomicLong accepted = new AtomicLong();

  /** 400: not a well-formed OTLP trace export in the encoding its content type names. */
  final AtomicLong malformed = new AtomicLong();

  /** 413: a body larger than the limit. */
  final AtomicLong tooLarge = new AtomicLong();

  /** 415: a content type other than protobuf or JSON, or a content encoding other than gzip. */
  final AtomicLong unsupportedMediaType = new AtomicLong();

  /** 405: a method other than POST. */
  final AtomicLong wrongMethod = new AtomicLong();
}
