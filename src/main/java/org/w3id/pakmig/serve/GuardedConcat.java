package org.w3id.pakmig.serve;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.sse.Tags;

/**
 * {@code CONCAT} that refuses (as an evaluation error) to build a string longer than
 * {@link QueryBudget#MAX_STRING_CHARS}: a chain of {@code BIND(CONCAT(?x, ?x) AS ?y)} doubles
 * a string per step and would otherwise fill the heap within one row.
 */
final class GuardedConcat extends ExprFunctionN {
    GuardedConcat(ExprList args) {
        super(Tags.tagConcat, args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        long length = 0;
        for (NodeValue arg : args) {
            if (arg.isLiteral()) {
                length += arg.asNode().getLiteralLexicalForm().length();
            }
        }
        QueryBudget.checkLength(length);
        return XSDFuncOp.strConcat(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new GuardedConcat(newArgs);
    }
}
