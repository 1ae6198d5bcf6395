package org.w3id.pakmig.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;

/**
 * Tables for humanitarian tools: figures, flows, routes and places as CSV whose second row
 * holds HXL hashtags (Humanitarian Exchange Language), so HDX, the HXL Proxy or a spreadsheet
 * with HXL tools read the columns by meaning. Each table is a SPARQL query shipped beside this
 * class ({@code hxl/NAME.rq}); the hashtags are here, one per column.
 */
public final class HxlExport {
    /** The tables, each column a (query variable, header, hashtag). */
    private static final Map<String, List<String[]>> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("figures", List.of(
            col("id", "Figure IRI", "#meta+id"), col("label", "Figure", "#indicator+name"),
            col("measure", "Measure", "#indicator+type"), col("value", "Value", "#indicator+num"),
            col("min", "Minimum", "#indicator+num+min"), col("max", "Maximum", "#indicator+num+max"),
            col("unit", "Unit", "#indicator+unit"), col("qudtUnit", "QUDT unit", "#indicator+unit+code"),
            col("multiplier", "Multiplier to QUDT unit", "#indicator+unit+multiplier"),
            col("period", "Reference period", "#date+period"), col("area", "Reference area", "#loc+name"),
            col("areaCode", "Reference area ISO 3166 code", "#loc+code"),
            col("reportedBy", "Reported by", "#org+name"), col("documents", "Source documents", "#meta+source")));
        TABLES.put("flows", List.of(
            col("id", "Flow IRI", "#meta+id"), col("label", "Flow", "#activity+name"),
            col("origin", "Origin", "#loc+origin+name"), col("originCode", "Origin ISO 3166 code", "#loc+origin+code"),
            col("destination", "Destination", "#loc+dest+name"),
            col("destinationCode", "Destination ISO 3166 code", "#loc+dest+code"),
            col("type", "Migration type", "#activity+type"), col("documents", "Source documents", "#meta+source")));
        TABLES.put("routes", List.of(
            col("id", "Route IRI", "#meta+id"), col("label", "Route", "#activity+name"),
            col("order", "Leg", "#indicator+num+leg"),
            col("from", "From", "#loc+origin+name"), col("fromLat", "From latitude", "#geo+lat+origin"),
            col("fromLon", "From longitude", "#geo+lon+origin"),
            col("to", "To", "#loc+dest+name"), col("toLat", "To latitude", "#geo+lat+dest"),
            col("toLon", "To longitude", "#geo+lon+dest"), col("mode", "Mode", "#activity+mode")));
        TABLES.put("places", List.of(
            col("id", "Place IRI", "#meta+id"), col("name", "Place", "#loc+name"), col("kind", "Kind", "#loc+type"),
            col("country", "Country", "#country+name"), col("countryCode", "Country ISO 3166-1 code", "#country+code"),
            col("province", "Province", "#adm1+name"), col("provinceCode", "Province ISO 3166-2 code", "#adm1+code"),
            col("geonames", "GeoNames", "#loc+code+geonames"), col("lat", "Latitude", "#geo+lat"),
            col("lon", "Longitude", "#geo+lon")));
    }

    private HxlExport() {}

    private static String[] col(String variable, String header, String hashtag) {
        return new String[] {variable, header, hashtag};
    }

    public static List<String> names() {
        return List.copyOf(TABLES.keySet());
    }

    /** Writes table {@code name} of {@code dataset} as HXL-tagged CSV (RFC 4180, CRLF line ends). */
    public static void write(String name, DatasetGraph dataset, Writer out) throws IOException {
        List<String[]> columns = TABLES.get(name);
        if (columns == null) {
            throw new IllegalArgumentException("no HXL table '" + name + "' (valid: " + String.join(", ", names()) + ")");
        }
        Query query = QueryFactory.create(resource("prefixes.rq") + resource(name + ".rq"));
        StringBuilder csv = new StringBuilder();
        line(csv, columns.stream().map(c -> c[1]).toList());
        line(csv, columns.stream().map(c -> c[2]).toList());
        Txn.executeRead(dataset, () -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    Binding row = rows.next();
                    line(csv, columns.stream().map(c -> text(row.get(Var.alloc(c[0])))).toList());
                }
            }
        });
        out.write(csv.toString());
        out.flush();
    }

    private static String text(Node node) {
        if (node == null) {
            return "";
        }
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.isURI() ? node.getURI() : "";
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }

    private static String resource(String file) {
        try (InputStream in = HxlExport.class.getResourceAsStream("hxl/" + file)) {
            if (in == null) {
                throw new IllegalStateException("hxl/" + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
