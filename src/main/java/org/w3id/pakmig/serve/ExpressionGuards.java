package org.w3id.pakmig.serve;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.ExprTransformApplyElementTransform;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Rewrites a parsed query so that its costly string functions run guarded: regular
 * expressions and {@code REPLACE} stop when the query is cancelled and have a bounded pattern,
 * and functions that build strings cannot build huge ones. Applied everywhere in the query,
 * including {@code EXISTS} and subqueries; the element transform given (the SERVICE policy)
 * sees every pattern.
 */
final class ExpressionGuards extends ExprTransformApplyElementTransform {
    private static final String FN = "http://www.w3.org/2005/xpath-functions#";

    private final QueryBudget budget;
    /**
     * Jena's expression walker visits the pattern of an {@code EXISTS} twice (its algebra and
     * its syntax), so without this memo each nesting level doubles the work: 30 nested
     * {@code FILTER EXISTS} would take longer than the age of the server.
     */
    private final Map<ExprFunctionOp, Expr> done = new IdentityHashMap<>();

    private ExpressionGuards(ElementTransform elements, QueryBudget budget) {
        super(elements);
        this.budget = budget;
    }

    static Query apply(Query query, ElementTransform elements, QueryBudget budget) {
        return QueryTransformOps.transform(query, elements, new ExpressionGuards(elements, budget));
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
        if (func instanceof E_Regex) {
            return new GuardedRegex(args, budget);
        }
        if (func instanceof E_StrReplace) {
            return new GuardedReplace(args, budget);
        }
        if (func instanceof E_StrConcat) {
            return new GuardedConcat(args);
        }
        if (func instanceof E_Function call) {
            String iri = call.getFunctionIRI();
            if (iri.equals(FN + "matches")) {
                return new GuardedRegex(args, budget);
            }
            if (iri.equals(FN + "replace")) {
                return new GuardedReplace(args, budget);
            }
            return new LengthCheck(super.transform(func, args));
        }
        return super.transform(func, args);
    }

    @Override
    public Expr transform(ExprFunctionOp funcOp, ExprList args, Op opArg) {
        Expr known = done.get(funcOp);
        if (known == null) {
            known = super.transform(funcOp, args, opArg);
            done.put(funcOp, known);
        }
        return known;
    }

    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
        Expr copy = super.transform(func, arg);
        return func instanceof E_StrEncodeForURI ? new LengthCheck(copy) : copy;
    }
}
