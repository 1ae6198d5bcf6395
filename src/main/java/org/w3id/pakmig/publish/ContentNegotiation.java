package org.w3id.pakmig.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.riot.RDFFormat;

/**
 * Chooses between a web page and the RDF formats from an HTTP {@code Accept} header, with
 * q-values and wildcards. Never fails: a missing, empty or malformed header ({@code Accept: ;})
 * gives the web page, as a browser would expect. A {@code format} query parameter
 * ({@code ?format=ttl}) overrides the header, so every format also has a URL of its own
 * (the targets of the {@code Link: rel="alternate"} headers).
 */
public final class ContentNegotiation {
    /** What the response will be: HTML or one RDF format, with its media type and short name. */
    public enum Choice {
        HTML("text/html", "html", null),
        TURTLE("text/turtle", "ttl", RDFFormat.TURTLE),
        NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
        JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11),
        RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML);

        private final String mediaType;
        private final String shortName;
        private final RDFFormat format;

        Choice(String mediaType, String shortName, RDFFormat format) {
            this.mediaType = mediaType;
            this.shortName = shortName;
            this.format = format;
        }

        public String mediaType() {
            return mediaType;
        }

        public String shortName() {
            return shortName;
        }

        /** The RDF format, or null for HTML. */
        public RDFFormat format() {
            return format;
        }

        public boolean isRdf() {
            return format != null;
        }
    }

    /** Other names clients use for the same formats. */
    private static final Map<String, Choice> ALIASES = Map.of(
        "application/xhtml+xml", Choice.HTML,
        "application/x-turtle", Choice.TURTLE,
        "text/n3", Choice.TURTLE,
        "text/plain", Choice.NTRIPLES,
        "application/json", Choice.JSONLD,
        "application/xml", Choice.RDFXML,
        "text/xml", Choice.RDFXML);

    private ContentNegotiation() {}

    /**
     * The best choice for the header and the optional {@code format} parameter. Ties in
     * quality go to the more specific range, then to the server's order (HTML first, so a
     * client that accepts anything gets the page, then Turtle).
     */
    public static Choice choose(String accept, String formatParameter) {
        if (formatParameter != null) {
            for (Choice c : Choice.values()) {
                if (c.shortName.equalsIgnoreCase(formatParameter.strip())) {
                    return c;
                }
            }
        }
        List<Range> ranges = parse(accept);
        Choice best = Choice.HTML;
        double bestQ = -1;
        int bestSpecificity = -1;
        for (Choice c : Choice.values()) {
            double q = -1;
            int specificity = -1;
            for (Range r : ranges) {
                int s = r.matches(c);
                if (s > specificity) {
                    specificity = s;
                    q = r.q();
                }
            }
            if (specificity < 0 || q <= 0) {
                continue;
            }
            if (q > bestQ || (q == bestQ && specificity > bestSpecificity)) {
                best = c;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    private record Range(String type, String subtype, double q) {
        /** How specifically this range names the choice: 2 exact, 1 type/*, 0 for * / *, -1 not at all. */
        int matches(Choice c) {
            String full = type + "/" + subtype;
            if (full.equals(c.mediaType) || ALIASES.get(full) == c) {
                return 2;
            }
            if (subtype.equals("*") && c.mediaType.startsWith(type + "/")) {
                return 1;
            }
            return type.equals("*") && subtype.equals("*") ? 0 : -1;
        }
    }

    private static List<Range> parse(String accept) {
        List<Range> ranges = new ArrayList<>();
        if (accept == null) {
            return ranges;
        }
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";", -1);
            String mediaType = pieces[0].strip().toLowerCase(Locale.ROOT);
            int slash = mediaType.indexOf('/');
            if (slash <= 0 || slash == mediaType.length() - 1) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].strip();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        double value = Double.parseDouble(param.substring(2));
                        q = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
                    } catch (NumberFormatException e) {
                        q = 0; // a range with an unreadable quality is ignored, not an error
                    }
                }
            }
            ranges.add(new Range(mediaType.substring(0, slash), mediaType.substring(slash + 1), q));
        }
        return ranges;
    }
}
