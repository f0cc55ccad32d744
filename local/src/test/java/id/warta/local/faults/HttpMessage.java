package id.warta.local.faults;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 message read whole off a socket: start line, headers in order, body (de-chunked).
 * The fault proxy frames messages itself instead of using an HTTP server library because its faults
 * are socket-level: closing a connection after the upstream answered, or resetting it.
 */
final class HttpMessage {
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final String startLine;
    private final List<Map.Entry<String, String>> headers;
    private final byte[] body;
    private final boolean bodiless;
    private final boolean closeDelimited;

    private HttpMessage(String startLine, List<Map.Entry<String, String>> headers, byte[] body, boolean bodiless,
                        boolean closeDelimited) {
        this.startLine = startLine;
        this.headers = headers;
        this.body = body;
        this.bodiless = bodiless;
        this.closeDelimited = closeDelimited;
    }

    /** The next request on a connection, or null when the client closed it between requests. */
    static HttpMessage readRequest(InputStream in) throws IOException {
        String startLine = readLine(in, true);
        if (startLine == null) {
            return null;
        }
        List<Map.Entry<String, String>> headers = readHeaders(in);
        return new HttpMessage(startLine, headers, readBody(in, headers, false), false, false);
    }

    /** The response to a request (a HEAD request's response has no body whatever its headers say). */
    static HttpMessage readResponse(InputStream in, HttpMessage request) throws IOException {
        String startLine = readLine(in, false);
        List<Map.Entry<String, String>> headers = readHeaders(in);
        int status = Integer.parseInt(startLine.split(" ", 3)[1]);
        boolean bodiless = request.method().equals("HEAD") || status / 100 == 1 || status == 204 || status == 304;
        if (bodiless) {
            return new HttpMessage(startLine, headers, new byte[0], true, false);
        }
        boolean framed = header(headers, "Content-Length") != null || header(headers, "Transfer-Encoding") != null;
        return new HttpMessage(startLine, headers, readBody(in, headers, !framed), false, !framed);
    }

    /** An answer made up by the proxy. */
    static HttpMessage response(int status, String reason, String contentType, String body) {
        return new HttpMessage("HTTP/1.1 " + status + " " + reason,
                List.of(Map.entry("Content-Type", contentType), Map.entry("x-amzn-RequestId", "fault-proxy")),
                body.getBytes(StandardCharsets.UTF_8), false, false);
    }

    String method() {
        return startLine.split(" ", 2)[0];
    }

    String target() {
        String[] parts = startLine.split(" ", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    String header(String name) {
        return header(headers, name);
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    /** Whether the connection may carry another message after this one. */
    boolean keepsAlive() {
        String connection = header("Connection");
        if (closeDelimited || (connection != null && connection.toLowerCase(Locale.ROOT).contains("close"))) {
            return false;
        }
        return !startLine.contains("HTTP/1.0") || (connection != null && connection.equalsIgnoreCase("keep-alive"));
    }

    /** Writes the message with a Content-Length (a chunked or close-delimited body is sent framed by length). */
    void writeTo(OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder(startLine).append("\r\n");
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")) {
                head.append(name).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        if (!bodiless) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String header(List<Map.Entry<String, String>> headers, String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static List<Map.Entry<String, String>> readHeaders(InputStream in) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int size = 0;
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            size += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || size > MAX_HEADER_BYTES) {
                throw new IOException("Malformed or oversized header: " + line);
            }
            headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    private static byte[] readBody(InputStream in, List<Map.Entry<String, String>> headers, boolean untilClose)
            throws IOException {
        String transferEncoding = header(headers, "Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String contentLength = header(headers, "Content-Length");
        if (contentLength != null) {
            return readExactly(in, Integer.parseInt(contentLength.trim()));
        }
        if (untilClose) {
            return readExactly(in, -1);
        }
        return new byte[0];
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                // Trailers (none expected) end with an empty line.
                while (!readLine(in, false).isEmpty()) {
                    continue;
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY_BYTES) {
                throw new IOException("Body over " + MAX_BODY_BYTES + " bytes");
            }
            body.write(readExactly(in, size));
            readLine(in, false);
        }
    }

    /** Exactly {@code length} bytes, or everything up to end of stream when length is -1. */
    private static byte[] readExactly(InputStream in, int length) throws IOException {
        if (length > MAX_BODY_BYTES) {
            throw new IOException("Body over " + MAX_BODY_BYTES + " bytes");
        }
        byte[] bytes = length < 0 ? in.readNBytes(MAX_BODY_BYTES) : in.readNBytes(length);
        if (length >= 0 && bytes.length < length) {
            throw new EOFException("Connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** A CRLF-terminated line; null at end of stream before its first byte only when allowed. */
    private static String readLine(InputStream in, boolean endOfStreamAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int next = in.read();
            if (next < 0) {
                if (line.size() == 0 && endOfStreamAllowed) {
                    return null;
                }
                throw new EOFException("Connection closed inside a message head");
            }
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_HEADER_BYTES) {
                throw new IOException("Line over " + MAX_HEADER_BYTES + " bytes");
            }
            line.write(next);
            previous = next;
        }
    }
}
