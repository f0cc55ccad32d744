package id.warta.local.faults;

import id.warta.local.Emulators;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * A loopback HTTP/1.1 proxy between the functions and one emulator that injects faults per AWS
 * operation: delay a response, let a write land and drop its response, reset a connection, answer
 * an AWS error, hold requests (a paused service), or cut the line altogether (an outage; restore
 * brings it back on the same port, the emulator's data intact).
 *
 * <pre>{@code
 * try (FaultRule lost = proxy.inject(Match.operation("PutItem").table("Accounts"), Fault.dropAfterWrite(), 1)) {
 *     ... // the next PutItem on Accounts lands, its caller sees a dropped connection and retries
 *     assertThat(lost.hits()).isEqualTo(1);
 * }
 * }</pre>
 *
 * Rules apply in the order they were added: every {@link #watch watch} that matches counts the
 * request, and the first fault rule that matches and has budget left applies to it. Thread-safe;
 * at most {@value #MAX_CONNECTIONS} connections at a time, bodies up to 16 MiB.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 256;
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final URI target;
    private final int port;
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private ServerSocket server;

    private FaultProxy(URI target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A proxy to the emulator at {@code target} (http://host:port), listening on a free loopback port. */
    public static FaultProxy start(URI target) {
        FaultProxy proxy = new FaultProxy(target, Emulators.freePort());
        proxy.restore();
        return proxy;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Applies the fault to every matching request until the rule is closed. */
    public FaultRule inject(Match when, Fault fault) {
        return inject(when, fault, Integer.MAX_VALUE);
    }

    /** Applies the fault to the next {@code times} matching requests. */
    public FaultRule inject(Match when, Fault fault, int times) {
        return add(new FaultRule(when, fault, times, this::remove));
    }

    /** Counts matching requests without changing them. */
    public FaultRule watch(Match when) {
        return add(new FaultRule(when, null, Integer.MAX_VALUE, this::remove));
    }

    /** Closes every rule (held requests go on). */
    public void clear() {
        rules.forEach(FaultRule::close);
    }

    /** An outage: open connections are reset and new ones refused until {@link #restore()}. */
    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        workers.forEach(Thread::interrupt);
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    /** Listens again on the same port. */
    public synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread.ofPlatform().daemon().name("fault-proxy-accept-" + port).start(() -> accept(socket));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on " + port, e);
        }
    }

    @Override
    public void close() {
        clear();
        cut();
    }

    private FaultRule add(FaultRule rule) {
        rules.add(rule);
        return rule;
    }

    private void remove(FaultRule rule) {
        rules.remove(rule);
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                connections.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                Socket client = socket.accept();
                open.add(client);
                // Platform threads: like the network it stands for, the proxy must keep moving while
                // CPU-bound work (Argon2 in the functions) occupies every virtual-thread carrier.
                Thread.ofPlatform().daemon().name("fault-proxy-" + port).start(() -> serve(client));
            } catch (IOException closed) {
                connections.release();
                return;
            }
        }
    }

    /** The first fault rule that takes the request (after every watch has counted it), or null. */
    private FaultRule ruleFor(ProxiedRequest request) {
        rules.stream().filter(rule -> rule.fault() == null).forEach(rule -> rule.apply(request));
        return rules.stream().filter(rule -> rule.fault() != null && rule.apply(request)).findFirst().orElse(null);
    }

    private void serve(Socket client) {
        workers.add(Thread.currentThread());
        Upstream upstream = null;
        try {
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = new BufferedOutputStream(client.getOutputStream());
            while (true) {
                HttpMessage request = HttpMessage.readRequest(fromClient);
                if (request == null) {
                    return;
                }
                FaultRule rule = ruleFor(ProxiedRequest.of(request));
                Fault fault = rule == null ? null : rule.fault();
                switch (fault) {
                    case Fault.Reset _ -> {
                        client.setSoLinger(true, 0);
                        return;
                    }
                    case Fault.Answer answer -> {
                        HttpMessage.response(answer.status(), answer.reason(), answer.contentType(), answer.body())
                                .writeTo(toClient);
                        if (!request.keepsAlive()) {
                            return;
                        }
                        continue;
                    }
                    case Fault.Hold _ -> rule.awaitRelease();
                    case null, default -> {
                    }
                }
                if (upstream == null) {
                    upstream = new Upstream(connect());
                }
                request.writeTo(upstream.out);
                // Read the whole response even when it will be dropped: an emulator must never see
                // its client vanish mid-response (dynalite dies of that).
                HttpMessage response = HttpMessage.readResponse(upstream.in, request);
                if (!response.keepsAlive()) {
                    upstream.close();
                    upstream = null;
                }
                if (fault instanceof Fault.DropAfterWrite) {
                    return;
                }
                if (fault instanceof Fault.Delay delay) {
                    Thread.sleep(delay.duration());
                }
                response.writeTo(toClient);
                if (!request.keepsAlive() || !response.keepsAlive()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException | InterruptedException connectionEnded) {
            // A side went away, the proxy was cut, or a message was malformed: drop the connection.
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
            open.remove(client);
            workers.remove(Thread.currentThread());
            connections.release();
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), CONNECT_TIMEOUT_MILLIS);
        open.add(socket);
        return socket;
    }

    private final class Upstream implements Closeable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Upstream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = new BufferedOutputStream(socket.getOutputStream());
        }

        @Override
        public void close() {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException alreadyClosed) {
            // Nothing left to release.
        }
    }
}
