package org.w3id.pakmig.serve;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.sse.Tags;

/**
 * {@code REPLACE} (and {@code fn:replace}) that stops when its query is cancelled and refuses
 * to build a string longer than {@link QueryBudget#MAX_STRING_CHARS}: Jena's version builds
 * the whole result first, however large, with no cancellation check.
 * Same result as Jena's {@code XSDFuncOp.strReplace}: the input's language tag is kept, and an
 * empty match counts only where nothing else matched.
 */
final class GuardedReplace extends ExprFunctionN {
    private final transient QueryBudget budget;

    GuardedReplace(ExprList args, QueryBudget budget) {
        super(Tags.tagReplace, args);
        this.budget = budget;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        Node input = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
        String text = input.getLiteralLexicalForm();
        String pattern = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(1)).getLiteralLexicalForm();
        String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
        String flags = args.size() > 3 ? NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(3)).getLiteralLexicalForm() : null;
        QueryBudget.checkPattern(pattern);
        Pattern compiled = RegexEngine.makePattern("REPLACE", pattern, flags);
        Matcher matcher = compiled.matcher(budget.watched(text));
        StringBuilder out = null;
        try {
            while (matcher.find()) {
                if (out == null) {
                    out = new StringBuilder();
                } else if (matcher.start() == matcher.end()) {
                    continue;
                }
                matcher.appendReplacement(out, replacement);
                QueryBudget.checkLength(out.length());
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ExprEvalException("REPLACE: " + e.getMessage());
        }
        if (out == null) {
            return args.get(0);
        }
        matcher.appendTail(out);
        QueryBudget.checkLength(out.length());
        String result = out.toString();
        String lang = input.getLiteralLanguage();
        return NodeValue.makeNode(lang == null || lang.isEmpty()
            ? NodeFactory.createLiteralString(result) : NodeFactory.createLiteralLang(result, lang));
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new GuardedReplace(newArgs, budget);
    }
}
