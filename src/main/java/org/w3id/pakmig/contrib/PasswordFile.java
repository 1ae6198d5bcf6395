package org.w3id.pakmig.contrib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the {@code --auth} file before the server starts. The file is a Jetty realm file,
 * {@code user: MD5:hex[,role...]} or {@code user: CRYPT:...}, one user a line; Jetty reads it
 * and authenticates (we never compare passwords ourselves). This check only refuses what Jetty
 * would accept but should not be used here: a password in clear, and user names that cannot
 * be part of a graph IRI.
 */
public final class PasswordFile {
    /** User names become IRI path segments: {@code graph/contrib/{user}/...}. */
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private PasswordFile() {}

    /** The users the file declares; one clear error naming the line if it is not acceptable. */
    public static List<String> check(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password file " + file + " (" + e + ")");
        }
        List<String> users = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(where + "expected `user: MD5:hash`");
            }
            String user = line.substring(0, colon).strip();
            String credential = line.substring(colon + 1).strip();
            if (!USER.matcher(user).matches()) {
                throw new IllegalStateException(where + "user name '" + user
                    + "' must be lowercase letters, digits, '-' or '_' (it becomes part of graph IRIs)");
            }
            if (!credential.startsWith("MD5:") && !credential.startsWith("CRYPT:")) {
                throw new IllegalStateException(where + "the password of '" + user
                    + "' is not hashed; write `" + user + ": MD5:<hash>` (see docs/contributions.md)");
            }
            users.add(user);
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("the password file " + file + " declares no user");
        }
        return users;
    }
}
