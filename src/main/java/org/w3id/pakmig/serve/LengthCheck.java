package org.w3id.pakmig.serve;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * Passes on the value of a string function unless it is longer than
 * {@link QueryBudget#MAX_STRING_CHARS} (then an evaluation error), so repeated application
 * (for example of {@code ENCODE_FOR_URI}) cannot grow a string without bound.
 */
final class LengthCheck extends ExprFunction1 {
    LengthCheck(Expr expr) {
        super(expr, "pakmig:lengthCheck");
    }

    @Override
    public NodeValue eval(NodeValue value) {
        if (value.isLiteral()) {
            QueryBudget.checkLength(value.asNode().getLiteralLexicalForm().length());
        }
        return value;
    }

    @Override
    public Expr copy(Expr expr) {
        return new LengthCheck(expr);
    }
}
