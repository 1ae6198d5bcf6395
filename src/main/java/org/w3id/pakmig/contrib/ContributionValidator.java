package org.w3id.pakmig.contrib;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/**
 * Validates one contribution against the project's SHACL shapes, with the served graph as
 * context (so the ontology's subclasses and the places and agencies already described count),
 * checking only the resources the contribution describes: the cost follows the upload's size,
 * not the whole graph's.
 */
final class ContributionValidator {
    private final Shapes shapes;

    ContributionValidator(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
    }

    /** A report of violations only (warnings do not block a contribution). */
    ValidationReport validate(Graph contribution, Graph context) {
        Graph data = new Union(contribution, context);
        Set<Node> subjects = new HashSet<>();
        contribution.find().forEach(t -> subjects.add(t.getSubject()));
        ValidationReport.Builder violations = ValidationReport.create();
        for (Node subject : subjects) {
            for (ReportEntry entry : ShaclValidator.get().validate(shapes, data, subject).getEntries()) {
                if (entry.severity().level().equals(Severity.Violation.level())) {
                    violations.addReportEntry(entry);
                }
            }
        }
        return violations.build();
    }
}
