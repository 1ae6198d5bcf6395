package org.w3id.pakmig.web;

/** One value in a group of statements: a link (or plain text when href is null) and whether the rules inferred it. */
public record Value(Link link, boolean inferred, String sortKey) {
}
