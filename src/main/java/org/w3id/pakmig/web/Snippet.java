package org.w3id.pakmig.web;

import java.util.ArrayList;
import java.util.List;

/** A piece of matched text, marked where the search words matched. */
public record Snippet(String text, boolean marked) {
    private static final int LONGEST = 300;

    /** Splits text highlighted by jena-text between ⟦ and ⟧ into pieces. */
    static List<Snippet> parse(String highlighted) {
        List<Snippet> parts = new ArrayList<>();
        String rest = highlighted.length() > LONGEST + 40 ? highlighted.substring(0, LONGEST) + "…" : highlighted;
        while (!rest.isEmpty()) {
            int open = rest.indexOf('⟦');
            int close = open < 0 ? -1 : rest.indexOf('⟧', open);
            if (open < 0 || close < 0) {
                parts.add(new Snippet(rest.replace("⟦", "").replace("⟧", ""), false));
                break;
            }
            if (open > 0) {
                parts.add(new Snippet(rest.substring(0, open), false));
            }
            parts.add(new Snippet(rest.substring(open + 1, close), true));
            rest = rest.substring(close + 1);
        }
        return parts;
    }
}
