package id.warta.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (the protocol the real runtime interface client polls), serving one event
 * per cold start: GET .../invocation/next hands it out, POST .../response ends the measurement.
 * Plain sockets, because the client's native HTTP code expects the header names' exact case, which
 * the JDK's HTTP server rewrites.
 */
final class RuntimeApiEmulator implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<String> events = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Outcome> outcomes = new ArrayBlockingQueue<>(1);

    record Outcome(long atNanos, boolean error, String body) {
    }

    RuntimeApiEmulator() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    void offer(String event) {
        events.clear();
        outcomes.clear();
        events.add(event);
    }

    Outcome await(long timeoutSeconds) throws InterruptedException {
        Outcome outcome = outcomes.poll(timeoutSeconds, TimeUnit.SECONDS);
        if (outcome == null) {
            throw new IllegalStateException("No response from the function within " + timeoutSeconds + " s");
        }
        return outcome;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                Map<String, String> headers = new HashMap<>();
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
                String path = requestLine.split(" ")[1];
                if (path.endsWith("/invocation/next")) {
                    String event = events.poll(60, TimeUnit.SECONDS);
                    if (event == null) {
                        return;
                    }
                    byte[] payload = event.getBytes(StandardCharsets.UTF_8);
                    String head = "HTTP/1.1 200 OK\r\n"
                            + "Content-Type: application/json\r\n"
                            + "Lambda-Runtime-Aws-Request-Id: " + UUID.randomUUID() + "\r\n"
                            + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 30_000) + "\r\n"
                            + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:bench\r\n"
                            + "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\n"
                            + "Content-Length: " + payload.length + "\r\n\r\n";
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.write(payload);
                    out.flush();
                } else {
                    long now = System.nanoTime();
                    out.write("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    outcomes.offer(new Outcome(now, !path.endsWith("/response"), new String(body, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | InterruptedException | RuntimeException connectionEnded) {
            // The function process was stopped: its connection ends with it.
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = buffer.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
