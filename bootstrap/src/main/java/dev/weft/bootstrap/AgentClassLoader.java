package dev.weft.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent and its dependencies from the {@code weft/} entries of the agent jar, where classes are stored
 * as {@code .classdata} so that the system class loader (which has the jar on its class path) cannot see them.
 *
 * <p>Its parent is the platform class loader: the agent sees the JDK, never the application's classes. Classes of
 * this bootstrap package come from the bootstrap class loader when the agent has put them there, else from the
 * loader that loaded this class. Multi-release entries ({@code weft/META-INF/versions/N/}) are honoured for the running
 * Java version.
 */
public final class AgentClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String PREFIX = "weft/";
  private static final String BOOTSTRAP_PACKAGE = "dev.weft.bootstrap.";
  private static final String CLASS_SUFFIX = ".class";
  private static final String HIDDEN_CLASS_SUFFIX = ".classdata";

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;

  /**
   * Versioned prefixes present in the jar, newest first, each followed by {@link #PREFIX} itself, then the prefixes
   * {@linkplain #reveal revealed}. Replaced, never changed, when one is revealed.
   */
  private volatile List<String> prefixes;

  public AgentClassLoader(JarFile jar, URL jarLocation) {
    super("weft-agent", ClassLoader.getPlatformClassLoader());
    this.jar = jar;
    this.jarUrl = "jar:" + jarLocation.toExternalForm() + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(jarLocation, (Certificate[]) null), null, this, null);
    this.prefixes = prefixesFor(jar, Runtime.version().feature());
  }

  private static List<String> prefixesFor(JarFile jar, int javaVersion) {
    List<String> found = new ArrayList<>();
    for (int version = javaVersion; version >= 9; version--) {
      String prefix = PREFIX + "META-INF/versions/" + version + "/";
      if (jar.getEntry(prefix) != null) {
        found.add(prefix);
      }
    }
    found.add(PREFIX);
    return found;
  }

  /**
   * Makes the entries under {@code prefix} (plain, not versioned) part of this loader from now on, searched after
   * the others: for parts of the agent that only some settings need (declarative configuration), which stay out of
   * sight, and unloaded, otherwise.
   */
  public synchronized void reveal(String prefix) {
    if (!prefixes.contains(prefix)) {
      List<String> more = new ArrayList<>(prefixes);
      more.add(prefix);
      prefixes = more;
    }
  }

  /** The agent jar. */
  public JarFile jarFile() {
    return jar;
  }

  /** The bytes of a class stored plainly in the agent jar (this package), or {@code null}. */
  public byte[] plainClassBytes(String className) {
    return read(jar.getJarEntry(className.replace('.', '/') + CLASS_SUFFIX));
  }

  /** The bytes of an agent class, or {@code null}; instrumentation module class loaders define classes from them. */
  public byte[] classBytes(String className) {
    return read(entry(className.replace('.', '/') + HIDDEN_CLASS_SUFFIX));
  }

  private byte[] read(JarEntry entry) {
    if (entry == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** The protection domain agent classes are defined in. */
  public ProtectionDomain protectionDomain() {
    return protectionDomain;
  }

  private JarEntry entry(String path) {
    for (String prefix : prefixes) {
      JarEntry entry = jar.getJarEntry(prefix + path);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (name.startsWith(BOOTSTRAP_PACKAGE)) {
      return Class.forName(name, false, AgentClassLoader.class.getClassLoader());
    }
    byte[] bytes = classBytes(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  private void definePackageOf(String className) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) {
      return;
    }
    String packageName = className.substring(0, dot);
    if (getDefinedPackage(packageName) == null) {
      try {
        definePackage(packageName, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException definedConcurrently) {
        // another thread defined it first: nothing to do
      }
    }
  }

  @Override
  protected URL findResource(String name) {
    String path =
        name.endsWith(CLASS_SUFFIX)
            ? name.substring(0, name.length() - CLASS_SUFFIX.length()) + HIDDEN_CLASS_SUFFIX
            : name;
    JarEntry entry = entry(path);
    if (entry == null) {
      return null;
    }
    try {
      return new URL(jarUrl + entry.getName());
    } catch (MalformedURLException e) {
      return null;
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
  }
}
