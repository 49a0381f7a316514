/**
 * Constrained decoding for JSON: JSON Schemas compiled to a byte-level grammar ({@link
 * dev.polis.runtime.decode.json.SchemaCompiler}, {@link dev.polis.runtime.decode.json.JsonMachine}) and a token
 * mask computed from it at each step ({@link dev.polis.runtime.decode.json.JsonConstraint}).
 */
package dev.polis.runtime.decode.json;
