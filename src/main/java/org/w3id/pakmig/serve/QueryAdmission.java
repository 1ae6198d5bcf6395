package org.w3id.pakmig.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpException;

/**
 * In front of the dataset's endpoints: refuses, with a 4xx and one sentence, requests that
 * Fuseki would answer with a 500 (invalid UTF-8 in the query string or form, an unknown
 * charset, a compressed body, a body over the size limit), and lets at most
 * {@link Limits#maxConcurrent()} requests run at once. Up to {@link #QUEUE_PER_SLOT} times as
 * many wait, in order, for at most the query timeout; beyond that, or after that wait, the
 * answer is 503 with {@code Retry-After}.
 */
final class QueryAdmission implements Filter {
    static final int QUEUE_PER_SLOT = 4;
    static final String RETRY_AFTER_SECONDS = "5";

    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final long maxWaitMillis;
    private final int maxRequestBytes;

    QueryAdmission(Limits limits, Duration maxWait) {
        this.running = new Semaphore(limits.maxConcurrent(), true);
        this.maxWaiting = QUEUE_PER_SLOT * limits.maxConcurrent();
        this.maxWaitMillis = maxWait.toMillis();
        this.maxRequestBytes = limits.maxRequestBytes();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String problem = problem(request);
        if (problem != null) {
            int status = problem.startsWith("413") ? 413 : problem.startsWith("415") ? 415 : 400;
            response.sendError(status, problem.substring(4));
            return;
        }
        if ("POST".equals(request.getMethod()) && !isForm(request.getHeader("Content-Type"))) {
            byte[] body;
            try {
                body = BufferedBody.read(request.getInputStream(), maxRequestBytes);
            } catch (IOException | RuntimeException e) {
                // Jetty's size limit fails the read with a 413 of its own.
                int status = tooLarge(e) ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST;
                response.sendError(status, status == 413 ? "Request body larger than " + maxRequestBytes + " bytes"
                                                         : "The request body could not be read");
                return;
            }
            if (body == null) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                                   "Request body larger than " + maxRequestBytes + " bytes");
                return;
            }
            request = new BufferedBody(request, body);
        }
        boolean admitted = false;
        if (waiting.incrementAndGet() <= maxWaiting) {
            try {
                admitted = running.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiting.decrementAndGet();
        if (!admitted) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many queries at once; try again shortly");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    /** What is wrong with the request, as "STATUS message", or null. */
    private String problem(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxRequestBytes) {
            return "413 Request body larger than " + maxRequestBytes + " bytes";
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            return "415 Compressed request bodies are not accepted (Content-Encoding: " + shorten(encoding) + ")";
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null) {
            String charset = charsetOf(contentType);
            if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
                return "415 Only UTF-8 request bodies are accepted (charset " + shorten(charset) + ")";
            }
        }
        String query = request.getQueryString();
        if (query != null) {
            if (query.length() > maxRequestBytes) {
                return "413 Query string longer than " + maxRequestBytes + " bytes";
            }
            if (!isUtf8(query)) {
                return "400 The query string is not valid percent-encoded UTF-8";
            }
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            return "400 The request parameters cannot be read: " + shorten(String.valueOf(e.getMessage()));
        }
        return null;
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                return true;
            }
        }
        return false;
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.startsWith("charset=")) {
                return p.substring("charset=".length()).replace("\"", "").strip();
            }
        }
        return null;
    }

    /** Whether percent-decoding gives well-formed UTF-8 (a malformed escape counts as not). */
    static boolean isUtf8(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return false;
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                return false;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
