package dev.weft.agent;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The type pools candidate classes are described and matched with. Each class loader has one, kept for the next
 * candidate of that loader: a super type matcher reads the class files of all super types of a candidate, and the
 * candidates of one application share most of them ({@code GenericFilterBean}, {@code HttpServlet},
 * {@code Object}); without it each candidate read them again through its class loader.
 *
 * <p>A loader's pool reads class files through its loader held weakly, and its descriptions are held softly (the
 * JVM drops them under memory pressure, and they are read again on demand), so a cached description pins neither its
 * loader nor anything else. The candidate itself is described from the bytes being transformed (which may differ
 * from its class file, when another agent changed them), by a pool made for it alone: its super types and
 * everything else come from its loader's pool, which never sees, and so never keeps, a candidate's bytes.
 */
final class LoaderTypePools {

  private final LoaderMap<TypePool> pools = new LoaderMap<>();

  /** A pool that describes {@code className} from {@code classFile}, every other type as its loader's pool does. */
  TypePool forCandidate(ClassLoader loader, String className, byte[] classFile) {
    return new CandidatePool(className, classFile, of(loader));
  }

  /** The loader's own pool, as candidates see every type but themselves. */
  TypePool of(ClassLoader loader) {
    return pools.computeIfAbsent(loader, LoaderTypePools::newPool);
  }

  private static TypePool newPool(ClassLoader loader) {
    return new TypePool.Default.WithLazyResolution(
        new TypePool.CacheProvider.Simple.UsingSoftReference(),
        ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader), // the boot loader's for null
        TypePool.Default.ReaderMode.FAST);
  }

  /** Describes one class from its bytes, and asks its loader's pool for any other. */
  private static final class CandidatePool extends TypePool.Default {
    private final String className;
    private final TypePool loaderPool;

    CandidatePool(String className, byte[] classFile, TypePool loaderPool) {
      // its own cache: the candidate's description is asked for again and again while it is matched
      super(
          new CacheProvider.Simple(),
          ClassFileLocator.Simple.of(className, classFile),
          ReaderMode.FAST);
      this.className = className;
      this.loaderPool = loaderPool;
    }

    @Override
    public Resolution describe(String name) {
      return name.equals(className) ? super.describe(name) : loaderPool.describe(name);
    }
  }
}
