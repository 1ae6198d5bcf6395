package org.w3id.pakmig.load;

/** A source file that cannot be read as RDF: names the file, the position and the parser's reason. */
public final class LoadException extends RuntimeException {
    private final String file;
    private final long line;

    public LoadException(String file, long line, long column, String reason) {
        super(position(file, line, column) + ": " + reason);
        this.file = file;
        this.line = line;
    }

    private static String position(String file, long line, long column) {
        if (line < 1) {
            return file;
        }
        return column < 1 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    public String file() {
        return file;
    }

    /** The line the parser stopped at, or -1 when it gave none. */
    public long line() {
        return line;
    }
}
