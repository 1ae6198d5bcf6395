package org.w3id.pakmig.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command: {@code --name value} pairs and {@code --flag}s, checked against
 * what the command accepts, so a typo is an error instead of being ignored.
 */
final class Options {
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags;
    private final List<String> positional = new ArrayList<>();

    private Options(Set<String> flags) {
        this.flags = flags;
    }

    /**
     * @param withValue options that take a value (may repeat)
     * @param flags     options that take none
     */
    static Options parse(String[] args, Set<String> withValue, Set<String> flags) {
        Options options = new Options(flags);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                options.positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq > 0 && withValue.contains(name.substring(0, eq))) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                List<String> known = new ArrayList<>();
                withValue.forEach(o -> known.add("--" + o));
                flags.forEach(o -> known.add("--" + o));
                known.sort(String::compareTo);
                throw new UsageException("unknown option " + arg + " (valid: " + String.join(", ", known) + ")");
            }
        }
        return options;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        if (!flags.contains(name)) {
            throw new IllegalArgumentException("not a flag: " + name);
        }
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        List<String> all = values.get(name);
        return all == null ? fallback : all.get(all.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Path path(String name) {
        String value = get(name, null);
        return value == null ? null : Path.of(value);
    }

    int integer(String name, int fallback, int min, int max) {
        String value = get(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + value);
        }
    }

    List<String> positional() {
        return positional;
    }
}
