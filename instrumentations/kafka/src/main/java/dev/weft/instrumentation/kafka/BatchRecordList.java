package dev.weft.instrumentation.kafka;

import dev.weft.instrumentation.api.LoopScope;
import java.util.AbstractList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The batch as a batch listener gets it: the records themselves, or their messages or payloads, one per record in
 * the same order. Taking an element by iterating ({@code for}, {@code forEach}, a stream) starts the processing of
 * its record, which ends when the next element is taken, when the iteration asks whether there is one, or when the
 * listener returns.
 *
 * <p>Taking elements by index processes them when the indexes walk the list in order ({@code get(0)}, then
 * {@code get(1)}, ..., as an index loop does); the walk's last record ends when the loop next tests
 * {@code size()}. An index out of that order ({@code get(size() - 1)} for the last offset, {@code get(0)} after
 * the loop) is bookkeeping and processes nothing. Everything else (contains, toString, copying the list) is the
 * list's own and processes nothing; so is every access once the listener's invocation has ended.
 */
final class BatchRecordList<E> extends AbstractList<E> {

  private final List<E> elements;
  private final BatchProcessing batch;
  private RecordProcessing current;
  private int currentIndex = -1;

  /** The index of the record processed last, open or not; -1 before the first. */
  private int lastIndex = -1;

  BatchRecordList(List<E> elements, BatchProcessing batch) {
    this.elements = elements;
    this.batch = batch;
  }

  @Override
  public E get(int index) {
    E element = elements.get(index);
    if (index != currentIndex && index == lastIndex + 1) {
      process(index);
    }
    return element;
  }

  @Override
  public Iterator<E> iterator() {
    return new Elements();
  }

  @Override
  public E set(int index, E element) {
    return elements.set(index, element);
  }

  /** An index loop testing its bound after the last record: that record is done. */
  @Override
  public int size() {
    int size = elements.size();
    if (current != null && currentIndex == size - 1) {
      endCurrent();
    }
    return size;
  }

  @Override
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  @Override
  public boolean contains(Object element) {
    return elements.contains(element);
  }

  @Override
  public boolean containsAll(Collection<?> others) {
    return elements.containsAll(others);
  }

  @Override
  public int indexOf(Object element) {
    return elements.indexOf(element);
  }

  @Override
  public int lastIndexOf(Object element) {
    return elements.lastIndexOf(element);
  }

  @Override
  public Object[] toArray() {
    return elements.toArray();
  }

  @Override
  public <T> T[] toArray(T[] array) {
    return elements.toArray(array);
  }

  @Override
  public boolean equals(Object other) {
    return other == this || elements.equals(other);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  @Override
  public String toString() {
    return elements.toString();
  }

  /** The element at {@code index} is taken: its record is processed from now on, the one before is done. */
  private void process(int index) {
    endCurrent();
    lastIndex = index;
    if (!batch.isOpen()) {
      return;
    }
    try {
      current = RecordProcessing.start(batch.record(index), batch.consumer());
      currentIndex = index;
    } catch (Throwable tracingFailed) {
      // the element is the application's whatever happens to its span
    }
  }

  private void endCurrent() {
    RecordProcessing ending = current;
    current = null;
    currentIndex = -1;
    if (ending != null) {
      try {
        ending.end();
      } catch (Throwable tracingFailed) {
        // never into the application's loop
      }
    }
  }

  /** Iterates the elements, each taken as {@link #get(int)} takes it. */
  private final class Elements implements Iterator<E>, LoopScope {
    private int next;

    @Override
    public boolean hasNext() {
      endCurrent();
      return next < elements.size();
    }

    @Override
    public E next() {
      if (next >= elements.size()) {
        throw new NoSuchElementException();
      }
      E element = elements.get(next);
      process(next++);
      return element;
    }

    @Override
    public void loopLeft() {
      endCurrent();
    }
  }
}
