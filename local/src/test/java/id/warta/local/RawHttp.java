package id.warta.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request written byte for byte (repeated headers, header case, escapes that no HTTP
 * client library would send), and its response (headers by lower-case name) read by Content-Length.
 */
final class RawHttp {
    record Response(int status, Map<String, List<String>> headers, String body) {
    }

    private RawHttp() {
    }

    static Response send(URI server, String method, String target, List<List<String>> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            return exchange(socket, method, target, headers, body);
        }
    }

    /**
     * The request from another local address: the connection is bound to {@code client} (any of
     * 127.0.0.0/8 is this machine's loopback on Linux), so the server sees that address as its peer,
     * as API Gateway sees a client's.
     */
    static Response sendFrom(InetAddress client, URI server, String method, String target, List<List<String>> headers,
                             byte[] body) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort(), client, 0)) {
            return exchange(socket, method, target, headers, body);
        }
    }

    private static Response exchange(Socket socket, String method, String target, List<List<String>> headers, byte[] body)
            throws IOException {
        socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach(h -> head.append(h.get(0)).append(": ").append(h.get(1)).append("\r\n"));
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        return read(socket.getInputStream());
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(header.substring(colon + 1).trim());
        }
        int contentLength = Integer.parseInt(headers.getOrDefault("content-length", List.of("0")).getFirst());
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers,
                new String(in.readNBytes(contentLength), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
