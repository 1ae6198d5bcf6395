package org.w3id.pakmig.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.w3id.pakmig.publish.ContentNegotiation.Choice;

class ContentNegotiationTest {
    @Test
    void browsersGetPagesAndRdfClientsGetRdf() {
        assertEquals(Choice.HTML, ContentNegotiation.choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", null));
        assertEquals(Choice.TURTLE, ContentNegotiation.choose("text/turtle", null));
        assertEquals(Choice.JSONLD, ContentNegotiation.choose("application/ld+json", null));
        assertEquals(Choice.RDFXML, ContentNegotiation.choose("application/rdf+xml", null));
        assertEquals(Choice.NTRIPLES, ContentNegotiation.choose("application/n-triples", null));
    }

    @Test
    void qualitiesDecideAndSpecificRangesBeatWildcards() {
        assertEquals(Choice.TURTLE, ContentNegotiation.choose("text/html;q=0.5, text/turtle", null));
        assertEquals(Choice.RDFXML, ContentNegotiation.choose("application/rdf+xml;q=0.9, text/turtle;q=0.2", null));
        assertEquals(Choice.NTRIPLES, ContentNegotiation.choose("text/turtle;q=0, application/n-triples;q=0.1", null));
        assertEquals(Choice.JSONLD, ContentNegotiation.choose("application/ld+json, */*", null));
        assertEquals(Choice.HTML, ContentNegotiation.choose("*/*", null));
        assertEquals(Choice.TURTLE, ContentNegotiation.choose("text/*;q=0.9, text/html;q=0.1", null));
    }

    @Test
    void malformedHeadersGiveThePage() {
        for (String nonsense : new String[] {";", "", ",,,", "/", "text/", "q=1", ";q=x", "text/turtle;q=NaN", null}) {
            assertEquals(Choice.HTML, ContentNegotiation.choose(nonsense, null), String.valueOf(nonsense));
        }
    }

    @Test
    void theFormatParameterOverridesTheHeader() {
        assertEquals(Choice.TURTLE, ContentNegotiation.choose("text/html", "ttl"));
        assertEquals(Choice.JSONLD, ContentNegotiation.choose(null, "jsonld"));
        assertEquals(Choice.HTML, ContentNegotiation.choose("text/turtle", "html"));
        assertEquals(Choice.TURTLE, ContentNegotiation.choose("text/turtle", "no-such-format"));
    }
}
