package org.w3id.pakmig.web;

/** Where a resource is stated: the document and the section (number and title). */
public record Citation(Link document, Link section) {
}
