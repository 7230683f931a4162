package io.mastersync.quality;

/**
 * Protection of exported CSV cells against formula injection: a cell that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return) gets a leading single quote.
 * Every CSV that mastersync writes for people goes through here. Stateless.
 */
public final class SpreadsheetCell {

    private SpreadsheetCell() {
    }

    /** True for the characters that make a spreadsheet read a cell as a formula. */
    public static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** The cell as it is safe to write; null and empty cells stay as they are. */
    public static String neutralise(String cell) {
        return cell == null || cell.isEmpty() || !isFormulaStart(cell.charAt(0)) ? cell : "'" + cell;
    }
}
