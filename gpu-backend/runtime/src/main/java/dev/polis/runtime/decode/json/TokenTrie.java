package dev.polis.runtime.decode.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary's token byte strings as a prefix tree, so a grammar walk shares the work of tokens with a common
 * beginning and prunes every token below a byte the grammar refuses.
 */
final class TokenTrie {

    /** One node: the bytes leading to children (sorted), the children, and the tokens ending here. */
    static final class TrieNode {
        int[] bytes = new int[0];
        TrieNode[] children = new TrieNode[0];
        int[] tokens = new int[0];

        TrieNode child(int b) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == b) {
                    return children[i];
                }
            }
            TrieNode node = new TrieNode();
            bytes = Arrays.copyOf(bytes, bytes.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            bytes[bytes.length - 1] = b;
            children[children.length - 1] = node;
            return node;
        }
    }

    private final TrieNode root = new TrieNode();
    private final byte[][] tokens;

    /** Builds the tree over {@code tokens} (index = token id; {@code null} or empty: never allowed). */
    TokenTrie(byte[][] tokens) {
        this.tokens = tokens;
        List<int[]> endings = new ArrayList<>();
        for (int id = 0; id < tokens.length; id++) {
            byte[] text = tokens[id];
            if (text == null || text.length == 0) {
                continue;
            }
            TrieNode node = root;
            for (byte b : text) {
                node = node.child(b & 0xFF);
            }
            node.tokens = Arrays.copyOf(node.tokens, node.tokens.length + 1);
            node.tokens[node.tokens.length - 1] = id;
        }
    }

    TrieNode root() {
        return root;
    }

    /** Returns the bytes of token {@code id}, or {@code null} when it has none (special tokens). */
    byte[] bytes(int id) {
        return id >= 0 && id < tokens.length ? tokens[id] : null;
    }
}
