package org.w3id.pakmig.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How text is split into searchable words, the same for the index and for every search:
 * lower case, accents folded, English plurals and possessives reduced (routes finds route),
 * and the spelling variants the documents use mapped to one form ({@code spellings.txt}), so
 * that "dunky" finds what is written "dunki" and "Gujarat" what is written "Gujrat".
 */
public final class SpellingAnalyzer extends Analyzer {
    private final StemmerOverrideFilter.StemmerOverrideMap spellings;

    public SpellingAnalyzer() {
        try (InputStream in = SpellingAnalyzer.class.getResourceAsStream("spellings.txt")) {
            if (in == null) {
                throw new IllegalStateException("spellings.txt is missing from the jar");
            }
            StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(true);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] words = text.split("\\s+");
                if (words.length != 2) {
                    throw new IllegalStateException("spellings.txt line " + lineNumber + ": want 'variant canonical', got: " + line);
                }
                builder.add(words[0], words[1]);
            }
            spellings = builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = new EnglishPossessiveFilter(source);
        words = new LowerCaseFilter(words);
        words = new ASCIIFoldingFilter(words);
        // The override marks the canonical form as a keyword, so the stemmer leaves it alone.
        words = new StemmerOverrideFilter(words, spellings);
        words = new PorterStemFilter(words);
        return new TokenStreamComponents(source, words);
    }
}
