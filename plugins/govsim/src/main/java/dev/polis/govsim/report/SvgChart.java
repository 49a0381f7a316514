package dev.polis.govsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a small line, step or bar chart as inline SVG, with axes, ticks and a legend; no external resources.
 */
public final class SvgChart {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int W = 560;
    private static final int H = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 150;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;
    /** Legend entries that fit beside the plot; more series get a "… n more" line. */
    private static final int LEGEND_ROWS = 15;

    /** How a series is drawn. */
    public enum Style {
        /** Straight segments between points. */
        LINE,
        /** Horizontal then vertical segments (Kaplan–Meier curves). */
        STEP,
        /** Bars at each x (histograms). */
        BAR
    }

    /** One named series of points. */
    public record Series(String name, double[] x, double[] y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final double xMax;
    private final double yMax;
    private final double xStep;
    private final double yStep;
    private final Style style;
    private final List<Series> series = new ArrayList<>();

    /**
     * Creates a chart with axes from 0 to at least the given maxima, extended to the next nice tick
     * ({@link NiceTicks}); the x axis counts whole things (months), the y axis too when {@code yMax} is whole
     * and above 1.
     */
    public SvgChart(String title, String xLabel, String yLabel, double xMax, double yMax, Style style) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xStep = NiceTicks.step(xMax, true);
        this.xMax = NiceTicks.end(xMax, xStep);
        this.yStep = NiceTicks.step(yMax, yMax > 1 && yMax == Math.rint(yMax));
        this.yMax = NiceTicks.end(yMax, yStep);
        this.style = style;
    }

    /** Returns the tick values of the x axis (from 0, one per step, to the axis end). */
    public double[] xTicks() {
        return ticks(xMax, xStep);
    }

    /** Returns the tick values of the y axis. */
    public double[] yTicks() {
        return ticks(yMax, yStep);
    }

    private static double[] ticks(double max, double step) {
        int n = (int) Math.round(max / step);
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            ticks[i] = i * step;
        }
        return ticks;
    }

    /** Adds a series. */
    public SvgChart add(Series s) {
        series.add(s);
        return this;
    }

    /** Returns the chart as an {@code <svg>} element. */
    public String render() {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">", W, H, W, H));
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" class=\"title\">").append(Html.escape(title))
                .append("</text>");
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>", LEFT, TOP, plotW, plotH));
        for (double yv : yTicks()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s"
                    + "</text>", LEFT - 4, py(yv) + 4, NiceTicks.format(yv)));
        }
        for (double xv : xTicks()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s"
                    + "</text>", px(xv), H - BOTTOM + 14, NiceTicks.format(xv)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%s"
                + "</text>", LEFT + plotW / 2, H - 6, Html.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" class=\"axis\" transform=\"rotate(-90 12 %d)\" "
                + "text-anchor=\"middle\">%s</text>", TOP + plotH / 2, TOP + plotH / 2, Html.escape(yLabel)));
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String color = COLORS[s % COLORS.length];
            svg.append(style == Style.BAR ? bars(one, color, s) : path(one, color));
            if (s < LEGEND_ROWS || series.size() == LEGEND_ROWS + 1) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" "
                        + "fill=\"%s\"/><text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>", W - RIGHT + 8,
                        TOP + 14 * s, color, W - RIGHT + 22, TOP + 9 + 14 * s, Html.escape(shorten(one.name()))));
            } else if (s == LEGEND_ROWS) {
                // many seeds: the legend stops inside the chart's height and says how many it leaves out
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"legend\">… %d more</text>",
                        W - RIGHT + 8, TOP + 9 + 14 * s, series.size() - LEGEND_ROWS));
            }
        }
        return svg.append("</svg>").toString();
    }

    private String path(Series one, String color) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < one.x().length; i++) {
            if (i == 0) {
                d.append(String.format(Locale.ROOT, "M%.1f %.1f", px(one.x()[i]), py(one.y()[i])));
            } else if (style == Style.STEP) {
                d.append(String.format(Locale.ROOT, " H%.1f V%.1f", px(one.x()[i]), py(one.y()[i])));
            } else {
                d.append(String.format(Locale.ROOT, " L%.1f %.1f", px(one.x()[i]), py(one.y()[i])));
            }
        }
        StringBuilder out = new StringBuilder("<path d=\"" + d + "\" fill=\"none\" stroke=\"" + color
                + "\" stroke-width=\"1.6\"/>");
        if (style == Style.LINE) {
            // Markers keep short series visible: a society that collapses in month 1 has a single point.
            for (int i = 0; i < one.x().length; i++) {
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"%s\"/>",
                        px(one.x()[i]), py(one.y()[i]), color));
            }
        }
        return out.toString();
    }

    private String bars(Series one, String color, int index) {
        StringBuilder out = new StringBuilder();
        double slot = (W - LEFT - RIGHT) / (xMax + 1) / Math.max(1, series.size());
        for (int i = 0; i < one.x().length; i++) {
            double x = px(one.x()[i]) - slot * series.size() / 2 + slot * index;
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"%s\"/>", x, py(one.y()[i]), Math.max(1, slot - 1), py(0) - py(one.y()[i]), color));
        }
        return out.toString();
    }

    private double px(double x) {
        return LEFT + (W - LEFT - RIGHT) * x / xMax;
    }

    private double py(double y) {
        return TOP + (H - TOP - BOTTOM) * (1 - y / yMax);
    }

    private static String shorten(String name) {
        return name.length() > 24 ? name.substring(0, 23) + "…" : name;
    }
}
