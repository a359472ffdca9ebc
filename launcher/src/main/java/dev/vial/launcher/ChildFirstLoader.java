package dev.vial.launcher;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads the app's own classes (those found in the watched classes directories) itself, fresh, even when
 * the parent could load them too; everything else (the JDK, Vial, libraries) comes from the parent, so
 * the reloaded app and the server share one {@code dev.vial.App} type.
 */
final class ChildFirstLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  ChildFirstLoader(URL[] classesDirectories, ClassLoader parent) {
    super("vial-reload", classesDirectories, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null && !name.startsWith("java.") && findResource(name.replace('.', '/') + ".class") != null) {
        loaded = findClass(name);
      }
      if (loaded == null) {
        return super.loadClass(name, resolve);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : super.getResource(name);
  }
}
