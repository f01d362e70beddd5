package dev.weft.agent;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.pool.TypePool;

/**
 * The type descriptions Byte Buddy reads from class files while matching, kept per class loader for the next
 * candidate class of that loader: a super type matcher reads the class files of all super types of a candidate,
 * and the candidates of one application share most of them ({@code GenericFilterBean}, {@code HttpServlet},
 * {@code Object}); without a cache each candidate read them again through its class loader. The class being
 * transformed is described from its own bytes, never from the cache.
 *
 * <p>Each loader's cache is held softly (the JVM drops it under memory pressure, and it is refilled on demand) and
 * the loaders weakly; the descriptions must reach their loader only weakly too, which the agent builder's
 * {@link AgentBuilder.LocationStrategy.ForClassLoader#WEAK} location strategy ensures.
 */
final class LoaderTypeCaches extends AgentBuilder.PoolStrategy.WithTypePoolCache {

  /** Keyed by class loader, the bootstrap loader as {@code null} (which a WeakHashMap holds like any key). */
  private final Map<ClassLoader, TypePool.CacheProvider> caches =
      Collections.synchronizedMap(new WeakHashMap<>());

  LoaderTypeCaches() {
    super(TypePool.Default.ReaderMode.FAST);
  }

  @Override
  protected TypePool.CacheProvider locate(ClassLoader loader) {
    return caches.computeIfAbsent(
        loader, any -> new TypePool.CacheProvider.Simple.UsingSoftReference());
  }
}
