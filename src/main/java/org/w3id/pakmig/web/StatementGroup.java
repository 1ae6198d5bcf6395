package org.w3id.pakmig.web;

import java.util.List;

/**
 * The statements of one property, under a readable heading: the property (linked to its
 * definition), the first values shown and the rest collapsed.
 */
public record StatementGroup(String heading, Link property, List<Value> shown, List<Value> more) {
    static final int SHOWN = 8;

    static StatementGroup of(String heading, Link property, List<Value> values) {
        return values.size() <= SHOWN + 2
            ? new StatementGroup(heading, property, values, List.of())
            : new StatementGroup(heading, property, values.subList(0, SHOWN), values.subList(SHOWN, values.size()));
    }
}
