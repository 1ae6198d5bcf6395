package org.w3id.pakmig.serve;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.sse.Tags;

/**
 * {@code REGEX} (and {@code fn:matches}) with a bounded pattern length, matched over
 * {@link WatchedText} so that a catastrophically backtracking pattern stops when its query is
 * cancelled. Jena's {@code E_Regex} compiles and matches with nothing that checks for
 * cancellation, so a single row could run far past the timeout.
 */
final class GuardedRegex extends ExprFunctionN {
    private final transient QueryBudget budget;
    private String compiledFrom;
    private String compiledFlags;
    private Pattern compiled;

    GuardedRegex(ExprList args, QueryBudget budget) {
        super(Tags.tagRegex, args);
        this.budget = budget;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        String text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0)).getLiteralLexicalForm();
        String pattern = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(1)).getLiteralLexicalForm();
        String flags = args.size() > 2 ? NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(2)).getLiteralLexicalForm() : null;
        return NodeValue.booleanReturn(pattern(pattern, flags).matcher(budget.watched(text)).find());
    }

    private Pattern pattern(String pattern, String flags) {
        if (compiled == null || !pattern.equals(compiledFrom) || !java.util.Objects.equals(flags, compiledFlags)) {
            QueryBudget.checkPattern(pattern);
            if (flags != null && !flags.matches("[smixq]*")) {
                throw new ExprEvalException("REGEX: only the flags s, m, i, x and q are allowed");
            }
            compiled = RegexEngine.makePattern("REGEX", pattern, flags);
            compiledFrom = pattern;
            compiledFlags = flags;
        }
        return compiled;
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new GuardedRegex(newArgs, budget);
    }
}
