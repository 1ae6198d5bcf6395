package org.w3id.pakmig.publish;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.w3id.pakmig.vocab.PM;

/**
 * The published JSON-LD {@code @context} ({@code /context.jsonld}): every ontology term by its
 * local name ({@code "crossesCountry"}, {@code "Route"}), object properties typed as links,
 * a few common external terms by readable names ({@code "label"}, {@code "definition"}) and
 * the usual prefixes. JSON-LD responses are compacted with it and refer to it by URL.
 */
public final class JsonLdContext {
    /** Readable names for the external terms that most descriptions use. */
    private static final Map<String, String> COMMON = Map.ofEntries(
        Map.entry("label", "http://www.w3.org/2000/01/rdf-schema#label"),
        Map.entry("comment", "http://www.w3.org/2000/01/rdf-schema#comment"),
        Map.entry("isDefinedBy", "http://www.w3.org/2000/01/rdf-schema#isDefinedBy"),
        Map.entry("definition", "http://www.w3.org/2004/02/skos/core#definition"),
        Map.entry("prefLabel", "http://www.w3.org/2004/02/skos/core#prefLabel"),
        Map.entry("altLabel", "http://www.w3.org/2004/02/skos/core#altLabel"),
        Map.entry("notation", "http://www.w3.org/2004/02/skos/core#notation"),
        Map.entry("title", "http://purl.org/dc/terms/title"),
        Map.entry("description", "http://purl.org/dc/terms/description"),
        Map.entry("identifier", "http://purl.org/dc/terms/identifier"));
    private static final Map<String, String> COMMON_LINKS = Map.ofEntries(
        Map.entry("broader", "http://www.w3.org/2004/02/skos/core#broader"),
        Map.entry("inScheme", "http://www.w3.org/2004/02/skos/core#inScheme"),
        Map.entry("exactMatch", "http://www.w3.org/2004/02/skos/core#exactMatch"),
        Map.entry("closeMatch", "http://www.w3.org/2004/02/skos/core#closeMatch"),
        Map.entry("broadMatch", "http://www.w3.org/2004/02/skos/core#broadMatch"),
        Map.entry("wasDerivedFrom", "http://www.w3.org/ns/prov#wasDerivedFrom"),
        Map.entry("license", "http://purl.org/dc/terms/license"),
        Map.entry("source", "http://purl.org/dc/terms/source"),
        Map.entry("isPartOf", "http://purl.org/dc/terms/isPartOf"),
        Map.entry("inDataset", "http://rdfs.org/ns/void#inDataset"),
        Map.entry("primaryTopic", "http://xmlns.com/foaf/0.1/primaryTopic"),
        Map.entry("sameAs", "http://www.w3.org/2002/07/owl#sameAs"));
    private static final Map<String, String> PREFIXES = Map.ofEntries(
        Map.entry("pm", PM.NS),
        Map.entry("rdf", RDF.getURI()),
        Map.entry("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        Map.entry("owl", OWL.getURI()),
        Map.entry("xsd", "http://www.w3.org/2001/XMLSchema#"),
        Map.entry("skos", "http://www.w3.org/2004/02/skos/core#"),
        Map.entry("dcterms", "http://purl.org/dc/terms/"),
        Map.entry("prov", "http://www.w3.org/ns/prov#"),
        Map.entry("foaf", "http://xmlns.com/foaf/0.1/"),
        Map.entry("org", "http://www.w3.org/ns/org#"),
        Map.entry("void", "http://rdfs.org/ns/void#"),
        Map.entry("dcat", "http://www.w3.org/ns/dcat#"),
        Map.entry("qb", "http://purl.org/linked-data/cube#"),
        Map.entry("oa", "http://www.w3.org/ns/oa#"));

    private final JsonObject context;

    private JsonLdContext(JsonObject context) {
        this.context = context;
    }

    /** The context for the terms declared in {@code ontology}. */
    public static JsonLdContext from(Graph ontology) {
        Map<String, Object> terms = new TreeMap<>();
        PREFIXES.forEach(terms::put);
        COMMON.forEach(terms::put);
        COMMON_LINKS.forEach((k, v) -> terms.put(k, link(v)));
        ontology.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            Node term = t.getSubject();
            if (!term.isURI() || !term.getURI().startsWith(PM.NS)) {
                return;
            }
            String local = term.getURI().substring(PM.NS.length());
            if (PREFIXES.containsKey(local) || COMMON.containsKey(local) || COMMON_LINKS.containsKey(local)) {
                return; // never shadow a prefix or a common name; the term stays readable as pm:NAME
            }
            Node type = t.getObject();
            if (type.equals(OWL.ObjectProperty.asNode())) {
                terms.put(local, link(term.getURI()));
            } else if (!terms.containsKey(local)) {
                terms.put(local, term.getURI());
            }
        });
        JsonObjectBuilder body = Json.createObjectBuilder();
        body.add("@version", 1.1);
        terms.forEach((k, v) -> {
            if (v instanceof String s) {
                body.add(k, s);
            } else {
                body.add(k, (JsonObject) v);
            }
        });
        return new JsonLdContext(Json.createObjectBuilder().add("@context", body).build());
    }

    private static JsonObject link(String iri) {
        return Json.createObjectBuilder().add("@id", iri).add("@type", "@id").build();
    }

    /** The context document as served at {@code /context.jsonld}. */
    public String document() {
        return pretty(context);
    }

    /** {@code graph} as compact JSON-LD whose {@code @context} is the URL of this context. */
    public String compact(Graph graph, String contextUrl) {
        ByteArrayOutputStream expanded = new ByteArrayOutputStream();
        RDFDataMgr.write(expanded, graph, RDFFormat.JSONLD11_PLAIN);
        try (JsonReader reader = Json.createReader(new StringReader(expanded.toString(StandardCharsets.UTF_8)))) {
            JsonObject compacted = JsonLd.compact(JsonDocument.of(reader.read()), JsonDocument.of(context)).get();
            JsonObjectBuilder out = Json.createObjectBuilder().add("@context", contextUrl);
            compacted.forEach((k, v) -> {
                if (!k.equals("@context")) {
                    out.add(k, v);
                }
            });
            return pretty(out.build());
        } catch (JsonLdError e) {
            throw new IllegalStateException("Cannot compact JSON-LD: " + e.getMessage(), e);
        }
    }

    private static String pretty(JsonObject object) {
        StringWriter text = new StringWriter();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter writer = factory.createWriter(text)) {
            writer.write(object);
        }
        return text.toString();
    }
}
