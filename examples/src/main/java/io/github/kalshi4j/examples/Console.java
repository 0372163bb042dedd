package io.github.kalshi4j.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Output for people: headings, aligned tables, dollars with two decimals. */
final class Console {

    private Console() {
    }

    static void heading(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    static void line(String text) {
        System.out.println(text);
    }

    /** Dollars for display: two decimals, or four when the value has sub-cent precision. */
    static String dollars(BigDecimal v) {
        if (v == null) {
            return "-";
        }
        BigDecimal stripped = v.stripTrailingZeros();
        int scale = stripped.scale() > 2 ? Math.min(stripped.scale(), 4) : 2;
        return (v.signum() < 0 ? "-$" : "$") + v.abs().setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Integer cents as dollars. */
    static String cents(Long cents) {
        return cents == null ? "-" : dollars(BigDecimal.valueOf(cents).movePointLeft(2));
    }

    /** A contract count: whole numbers without decimals, fractions as sent. */
    static String count(BigDecimal v) {
        if (v == null) {
            return "-";
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() <= 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A table that sizes its columns to its content; numbers right-aligned. */
    static final class Table {
        private final String[] headers;
        private final List<String[]> rows = new ArrayList<>();

        Table(String... headers) {
            this.headers = headers;
        }

        void row(String... cells) {
            rows.add(cells);
        }

        void print() {
            int[] width = new int[headers.length];
            for (int i = 0; i < headers.length; i++) {
                width[i] = headers[i].length();
                for (String[] r : rows) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            System.out.println(format(headers, width));
            StringBuilder rule = new StringBuilder();
            for (int w : width) {
                rule.append("-".repeat(w)).append("  ");
            }
            System.out.println(rule.toString().stripTrailing());
            for (String[] r : rows) {
                System.out.println(format(r, width));
            }
        }

        private static String format(String[] cells, int[] width) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                boolean numeric = !cells[i].isEmpty() && (cells[i].startsWith("$") || cells[i].startsWith("-$")
                        || cells[i].chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-'));
                String cell = numeric ? " ".repeat(width[i] - cells[i].length()) + cells[i]
                        : cells[i] + " ".repeat(width[i] - cells[i].length());
                sb.append(cell).append("  ");
            }
            return sb.toString().stripTrailing();
        }
    }
}
