package org.w3id.pakmig.web;

import java.util.List;

/** One search hit as the page shows it. */
public record SearchResult(Link link, String types, List<Snippet> snippet, List<Link> documents) {
}
