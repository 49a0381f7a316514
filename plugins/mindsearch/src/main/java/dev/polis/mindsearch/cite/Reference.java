package dev.polis.mindsearch.cite;

/**
 * One entry of the final answer's reference list.
 *
 * @param number the number the final answer cites it by, from 1
 * @param source the cited document
 */
public record Reference(int number, Source source) {
}
