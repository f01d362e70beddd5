package dev.weft.instrumentation.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakIdentityStateTest {

  private final WeakIdentityState<String> state = new WeakIdentityState<>();

  @Test
  void objectsAreTellApartByIdentityNotByEquals() {
    List<String> one = new ArrayList<>();
    List<String> equalToOne = new ArrayList<>();
    state.put(one, "one");

    assertEquals("one", state.get(one));
    assertNull(state.get(equalToOne), "an equal but different object has nothing attached");
    state.put(equalToOne, "other");
    assertEquals("one", state.get(one));
    assertEquals("other", state.get(equalToOne));
    assertEquals(2, state.size());
  }

  @Test
  void putReplacesAndPutIfAbsentKeeps() {
    Object task = new Object();
    assertNull(state.putIfAbsent(task, "declared"));
    assertEquals("declared", state.putIfAbsent(task, "handed over"));
    assertEquals("declared", state.get(task));
    state.put(task, "replaced");
    assertEquals("replaced", state.get(task));
    assertEquals(1, state.size());
  }

  @Test
  void removeDetachesOnce() {
    Object task = new Object();
    state.put(task, "context");
    assertEquals("context", state.remove(task));
    assertNull(state.remove(task));
    assertNull(state.get(task));
    assertEquals(0, state.size());
  }

  @Test
  void objectsWithAHashCodeThatThrowsAreFine() {
    Object hostile =
        new Object() {
          @Override
          public int hashCode() {
            throw new AssertionError("never called");
          }

          @Override
          public boolean equals(Object other) {
            throw new AssertionError("never called");
          }
        };
    state.put(hostile, "value");
    assertEquals("value", state.get(hostile));
  }

  @Test
  void entriesOfCollectedObjectsGoAway() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      state.put(new Object(), "garbage");
    }
    Object kept = new Object();
    state.put(kept, "kept");
    for (int attempt = 0; attempt < 50 && state.size() > 1; attempt++) {
      System.gc();
      Thread.sleep(10); // let the collector enqueue the cleared references
    }
    assertEquals(1, state.size(), "only the live object keeps an entry");
    assertSame("kept", state.get(kept));
  }
}
