package org.w3id.pakmig.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Picks what to answer from an {@code Accept} header, honouring its q-values. */
final class MediaTypes {
    private MediaTypes() {}

    /**
     * The first of the client's acceptable types (best q first) that {@code offered} maps,
     * the value for {@code fallback} when the client accepts anything or sends no header,
     * and null when it accepts only types we do not offer.
     */
    static <T> T choose(String accept, Map<String, T> offered, String fallback) {
        if (accept == null || accept.isBlank()) {
            return offered.get(fallback);
        }
        record Range(String type, double q, int position) {}
        List<Range> ranges = new ArrayList<>();
        String[] parts = accept.split(",");
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            double q = 1;
            for (int j = 1; j < pieces.length; j++) {
                String param = pieces[j].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(pieces[0].strip().toLowerCase(), q, i));
        }
        ranges.sort(Comparator.comparingDouble((Range r) -> -r.q()).thenComparingInt(Range::position));
        for (Range r : ranges) {
            if (r.q() <= 0) {
                continue;
            }
            if (offered.containsKey(r.type())) {
                return offered.get(r.type());
            }
            if (r.type().equals("*/*") || r.type().equals("application/*") || r.type().equals("text/*")) {
                return offered.get(fallback);
            }
        }
        return null;
    }
}
