package org.w3id.pakmig.validate;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
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
                     .sorted((a, b) -> (a.location() + a.term()).compareTo(b.location() + b.term()))
                     .toList();
    }

    private static Problem toProblem(ReportEntry entry, SourceIndex index) {
        Node focus = entry.focusNode();
        String path = entry.resultPath() == null ? "" : " (" + entry.resultPath() + ")";
        return new Problem("shapes.ttl" + path, index.locate(focus), index.shortName(focus), entry.message());
    }
}
