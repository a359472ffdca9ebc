import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Latency of normal clients before and during a slow-client attack on a running server; run by
 * scripts/slow-clients.sh (Java 17 single-file program, no dependencies).
 *
 * <pre>java scripts/SlowClientLoad.java PORT [PATH] [DRIBBLERS] [STALLERS] [CLIENTS] [SECONDS]</pre>
 *
 * After an unreported warm-up, phase "baseline": CLIENTS threads each open a connection, send {@code GET PATH}, read the whole
 * answer and close, again and again, for SECONDS. Phase "attack": the same while DRIBBLERS connections
 * send a request head one byte every 2 s and STALLERS connections sent a head declaring a 100-byte
 * body and 10 bytes of it. SECONDS must stay under the server's read timeout (Vial: 30 s), so every
 * slow connection is still open when the phase ends; the program checks and prints how many are.
 */
public final class SlowClientLoad {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String path = args.length > 1 ? args[1] : "/";
    int dribblers = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int stallers = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 10;

    measure(port, path, clients, seconds); // warm-up, as long as a phase and not reported: the JIT, the server's threads
    System.out.printf("phase     requests errors   p50_ms   p90_ms   p99_ms   max_ms%n");
    report("baseline", measure(port, path, clients, seconds));

    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < dribblers; i++) {
      slow.add(open(port, "GET " + path + " HTTP/1.1\r\nHost: load\r\nX-Slow: "));
    }
    for (int i = 0; i < stallers; i++) {
      slow.add(open(port, "POST " + path + " HTTP/1.1\r\nHost: load\r\nContent-Length: 100\r\n\r\nonly ten b"));
    }
    AtomicBoolean attacking = new AtomicBoolean(true);
    Thread dribble = new Thread(() -> {
      while (attacking.get()) {
        sleep(2000);
        for (Socket socket : slow.subList(0, dribblers)) {
          try {
            socket.getOutputStream().write('a');
          } catch (IOException closed) {
            // cut off by the server
          }
        }
      }
    });
    dribble.setDaemon(true);
    dribble.start();
    sleep(1000);
    report("attack", measure(port, path, clients, seconds));
    attacking.set(false);
    int open = 0;
    for (Socket socket : slow) {
      if (stillOpen(socket)) {
        open++;
      }
      socket.close();
    }
    System.out.printf("slow connections still open at the end of the attack phase: %d of %d%n", open, slow.size());
  }

  private record Result(List<Long> micros, int errors) {}

  private static Result measure(int port, String path, int clients, int seconds) throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    int[] errors = new int[1];
    List<Thread> threads = new ArrayList<>();
    byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: load\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request);
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(12);
            in.readAllBytes(); // Connection: close: the answer ends with the connection
            if (first.length < 12 || first[9] != '2') {
              throw new IOException("not a 2xx answer");
            }
            micros.add((System.nanoTime() - start) / 1000);
          } catch (IOException e) {
            synchronized (errors) {
              errors[0]++;
            }
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Result(new ArrayList<>(micros), errors[0]);
  }

  private static void report(String phase, Result result) {
    List<Long> sorted = new ArrayList<>(result.micros());
    Collections.sort(sorted);
    System.out.printf("%-9s %8d %6d %8.2f %8.2f %8.2f %8.2f%n", phase, sorted.size(), result.errors(),
        percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
        sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1000.0);
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }

  private static Socket open(int port, String head) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  private static boolean stillOpen(Socket socket) {
    try {
      socket.setSoTimeout(1);
      return socket.getInputStream().read() != -1; // a byte would be an answer: still open
    } catch (java.net.SocketTimeoutException silent) {
      return true;
    } catch (IOException closedOrReset) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
