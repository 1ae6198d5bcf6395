package org.w3id.pakmig.web;

/** A thing a page mentions: its label, where its page is (relative to the current page) and its IRI. */
public record Link(String label, String href, String iri) {
}
