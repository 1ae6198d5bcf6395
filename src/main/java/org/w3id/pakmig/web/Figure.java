package org.w3id.pakmig.web;

import java.util.List;

/** A statistical claim as a row of the figures table, with its source and the figures it conflicts with. */
public record Figure(Link claim, String measure, String value, String unit, String period, String area,
                     String reportedBy, Link document, String section, String anchor, List<Link> conflicts) {
}
