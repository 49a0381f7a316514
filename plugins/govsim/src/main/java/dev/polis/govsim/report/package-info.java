/** Sweep outputs: the Table-1-style text table, summary.csv/summary.json and the offline HTML report with SVG plots. */
package dev.polis.govsim.report;
