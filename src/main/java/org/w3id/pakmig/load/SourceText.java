package org.w3id.pakmig.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a source file as UTF-8 text, refusing with one clear line what the Turtle parser would
 * report as a stack trace or a puzzling token: a byte-order mark, a binary file, bytes that are
 * not UTF-8 (a file saved as Latin-1 or Windows-1252), a file that cannot be read.
 */
final class SourceText {
    private SourceText() {}

    static String read(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new LoadException(name, -1, -1, "cannot be read (permission denied); make it readable");
        } catch (IOException e) {
            throw new LoadException(name, -1, -1, "cannot be read (" + e + ")");
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw new LoadException(name, 1, 1,
                "starts with a UTF-8 byte-order mark (BOM); save the file as UTF-8 without BOM");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new LoadException(name, lineAt(bytes, i), -1, "byte " + i
                    + " is a NUL byte: this is a binary file, not Turtle text; remove it or fix its name");
            }
        }
        return decode(bytes, name);
    }

    private static String decode(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw new LoadException(name, lineAt(bytes, offset), -1, "byte " + offset + " (0x"
                + String.format("%02X", bytes[offset] & 0xff) + ") is not UTF-8; the file looks saved as Latin-1 or"
                + " Windows-1252: convert it with `iconv -f latin1 -t utf-8`");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
