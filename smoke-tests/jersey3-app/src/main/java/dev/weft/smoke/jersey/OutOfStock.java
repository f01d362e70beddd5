package dev.weft.smoke.jersey;

/** An application exception that {@link OutOfStockMapper} turns into a response. */
public class OutOfStock extends RuntimeException {

  public OutOfStock(String orderId) {
    super("order " + orderId + " is out of stock");
  }
}
