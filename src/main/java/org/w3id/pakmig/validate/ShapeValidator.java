package org.w3id.pakmig.validate;

import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.w3id.pakmig.load.SourceIndex;

/** Validates the asserted graph (ontology plus data) against the SHACL shapes. */
public final class ShapeValidator {
    private final Shapes shapes;

    public ShapeValidator(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
    }

    /**
     * @param data  the union of the ontology and data graphs, so that sh:targetClass also
     *              reaches instances of subclasses
     * @param index where each resource was written, for the report
     * @return every violation; warnings and infos are not problems
     */
    public List<Problem> validate(Graph data, SourceIndex index) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        return report.getEntries().stream()
                     .filter(e -> e.severity().level().equals(Severity.Violation.level()))
                     .map(e -> toProblem(e, index))
                     .sorted(Comparator.comparing(Problem::location).thenComparing(Problem::term))
                     .toList();
    }

    private static Problem toProblem(ReportEntry entry, SourceIndex index) {
        Node focus = entry.focusNode();
        String path = entry.resultPath() == null ? "" : " (" + entry.resultPath() + ")";
        // A value on a plain property path is one statement: report the line it is written on.
        Triple statement = entry.resultPath() instanceof P_Link link && entry.value() != null
            ? Triple.create(focus, link.getNode(), entry.value()) : null;
        String location = statement != null ? index.locate(statement) : index.locate(focus);
        return new Problem("shapes.ttl" + path, location, index.shortName(focus), entry.message(), statement);
    }
}
