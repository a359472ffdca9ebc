package dev.vial.launcher;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches classes directories (and every folder below them, new ones included) and calls back once a
 * burst of changes has gone quiet: a compiler writes many files, and the app should be rebuilt once,
 * after the last one.
 */
final class ClassesWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ClassesWatcher.class);

  private final WatchService watchService;
  private final long quietMillis;
  private final Runnable onChange;
  private final Thread thread;

  ClassesWatcher(List<Path> roots, Duration quiet, Runnable onChange) throws IOException {
    this.watchService = FileSystems.getDefault().newWatchService();
    this.quietMillis = Math.max(1, quiet.toMillis());
    this.onChange = onChange;
    for (Path root : roots) {
      registerTree(root);
    }
    this.thread = new Thread(this::watch, "vial-reload-watch");
    thread.setDaemon(true);
  }

  /** Starts watching on a daemon thread. */
  void start() {
    thread.start();
  }

  private void watch() {
    try {
      while (true) {
        drain(watchService.take());
        WatchKey more;
        while ((more = watchService.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        try {
          onChange.run();
        } catch (RuntimeException e) {
          log.error("Reload after a change failed", e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException stopped) {
      // closed: the server is stopping
    }
  }

  private void drain(WatchKey key) {
    Path folder = (Path) key.watchable();
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
        Path created = folder.resolve((Path) event.context());
        if (Files.isDirectory(created)) {
          try {
            registerTree(created);
          } catch (IOException e) {
            log.warn("Cannot watch new folder {}: {}", created, e.toString());
          }
        }
      }
    }
    key.reset();
  }

  private void registerTree(Path root) throws IOException {
    try (Stream<Path> folders = Files.walk(root)) {
      for (Path folder : (Iterable<Path>) folders.filter(Files::isDirectory)::iterator) {
        folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  @Override
  public void close() throws IOException {
    watchService.close();
    thread.interrupt();
  }
}
