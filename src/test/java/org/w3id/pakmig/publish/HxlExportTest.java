package org.w3id.pakmig.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3id.pakmig.RealGraph;

/** The HXL tables on the real graph: hashtags in row two, one cell per column, real content. */
class HxlExportTest {
    static List<List<String>> table(String name) throws Exception {
        StringWriter out = new StringWriter();
        HxlExport.write(name, RealGraph.dataset(), out);
        return parse(out.toString());
    }

    /** RFC 4180 parsing (quoted cells may hold commas, quotes and line breaks). */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void everyTableHasHashtagsInItsSecondRowAndOneCellPerColumn() throws Exception {
        for (String name : HxlExport.names()) {
            List<List<String>> rows = table(name);
            assertTrue(rows.size() > 3, name + " has no data rows");
            int width = rows.get(0).size();
            assertTrue(rows.get(1).stream().allMatch(tag -> tag.matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*")), name + ": " + rows.get(1));
            rows.forEach(r -> assertEquals(width, r.size(), name + ": " + r));
        }
    }

    @Test
    void tablesCarryTheGraphsFactsAndTheAlignments() throws Exception {
        List<List<String>> places = table("places");
        int name = places.get(1).indexOf("#loc+name");
        int lat = places.get(1).indexOf("#geo+lat");
        int adm1 = places.get(1).indexOf("#adm1+code");
        List<String> gujrat = places.stream().filter(r -> r.get(name).equals("Gujrat")).findFirst().orElseThrow();
        assertTrue(gujrat.get(lat).startsWith("32."), gujrat.toString());
        assertEquals("PK-PB", gujrat.get(adm1));

        List<List<String>> figures = table("figures");
        int value = figures.get(1).indexOf("#indicator+num");
        int unit = figures.get(1).indexOf("#indicator+unit+code");
        assertTrue(figures.stream().anyMatch(r -> r.get(0).endsWith("greece-boat-disaster-2023-pakistani-deaths-700-doc-002")
            && r.get(value).equals("700") && r.get(unit).equals("http://qudt.org/vocab/unit/NUM")));

        List<List<String>> routes = table("routes");
        assertTrue(routes.stream().anyMatch(r -> r.get(1).equals("Dunki land route")));
    }
}
