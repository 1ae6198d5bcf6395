package org.w3id.pakmig.serve;

/**
 * A string as a {@link CharSequence} that checks the query's cancel signal on every character
 * read. {@code java.util.regex} has no timeout; a backtracking pattern such as
 * {@code ^(a+)+\1$} reads characters all the time, so this is where it can be stopped.
 */
final class WatchedText implements CharSequence {
    private final String text;
    private final int start;
    private final int end;
    private final QueryBudget budget;

    WatchedText(String text, int start, int end, QueryBudget budget) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.budget = budget;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        budget.checkNotCancelled();
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new WatchedText(text, start + from, start + to, budget);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
