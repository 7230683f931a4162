package io.mastersync.source;

/**
 * Finds where an unclosed quote opened, so that the row produced for a parse failure at the end of a
 * file can tell the user which line to look at. Follows the same rules as the CSV parser: a quote
 * only opens a value at the start of a field, a doubled quote (or the escape character) inside a
 * quoted value does not close it. Stateless and thread-safe.
 */
final class QuoteScanner {

    private QuoteScanner() {
    }

    /**
     * The physical line of the quote that is never closed in {@code text}, or -1 when every quote closes.
     *
     * @param firstLine   physical line of the first character of {@code text}
     * @param skipSpaces  blanks before a quote still count as the start of the field
     */
    static long unclosedQuoteLine(CharSequence text, long firstLine, char delimiter, char quote, Character escape,
            boolean skipSpaces) {
        long line = firstLine;
        boolean fieldStart = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == quote) {
                long openedOn = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = text.charAt(i);
                    if (escape != null && q == escape && escape != quote) {
                        i += 2;
                        continue;
                    }
                    if (q == quote) {
                        if (i + 1 < n && text.charAt(i + 1) == quote) {
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    i++;
                }
                if (!closed) {
                    return openedOn;
                }
                fieldStart = false;
                continue;
            }
            if (c == delimiter) {
                fieldStart = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\n' || i + 1 >= n || text.charAt(i + 1) != '\n') {
                    line++;
                }
                fieldStart = true;
            } else if (!(skipSpaces && (c == ' ' || c == '\t'))) {
                fieldStart = false;
            }
            i++;
        }
        return -1;
    }
}
