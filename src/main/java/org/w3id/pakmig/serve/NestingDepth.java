package org.w3id.pakmig.serve;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * How deeply {@code EXISTS}, {@code NOT EXISTS} and subqueries nest in a query.
 * Jena's algebra optimiser takes time that doubles with each such level (about 0.2 s at 16
 * levels, 3 s at 22, on this project's machines), before the query starts and where no
 * cancellation reaches it; so a query nested deeper than {@link #MAX} is refused.
 */
final class NestingDepth {
    static final int MAX = 12;

    private NestingDepth() {}

    /** Refuses (with {@link ServicePolicy.Refused}) a query nested deeper than {@link #MAX}. */
    static void check(Query query) {
        int depth = of(query.getQueryPattern());
        if (depth > MAX) {
            throw new ServicePolicy.Refused("EXISTS, NOT EXISTS and subqueries nest " + depth
                                            + " levels deep; at most " + MAX + " are allowed");
        }
    }

    private static int of(Element element) {
        if (element == null) {
            return 0;
        }
        int[] deepest = {0};
        ElementWalker.walk(element, new ElementVisitorBase() {
            @Override
            public void visit(ElementFilter el) {
                deepest[0] = Math.max(deepest[0], of(el.getExpr()));
            }

            @Override
            public void visit(ElementBind el) {
                deepest[0] = Math.max(deepest[0], of(el.getExpr()));
            }

            @Override
            public void visit(ElementExists el) {
                deepest[0] = Math.max(deepest[0], 1 + of(el.getElement()));
            }

            @Override
            public void visit(ElementNotExists el) {
                deepest[0] = Math.max(deepest[0], 1 + of(el.getElement()));
            }

            @Override
            public void visit(ElementSubQuery el) {
                deepest[0] = Math.max(deepest[0], 1 + of(el.getQuery().getQueryPattern()));
            }
        });
        return deepest[0];
    }

    private static int of(Expr expr) {
        if (expr instanceof ExprFunctionOp op) {
            return 1 + of(op.getElement());
        }
        int deepest = 0;
        if (expr instanceof ExprFunction f) {
            for (Expr arg : f.getArgs()) {
                deepest = Math.max(deepest, of(arg));
            }
        }
        return deepest;
    }
}
