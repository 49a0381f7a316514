# Fills a polis-model-init byte-level tokenizer.json up to 49,152 entries with synthetic subword tokens (seeded), so
# that constrained decoding walks a vocabulary of SmolLM2's size. The added tokens are never produced by encoding.
import json, random, sys
path = sys.argv[1]
t = json.load(open(path))
vocab = t["model"]["vocab"]
used = set(vocab) | {a["content"] for a in t["added_tokens"]}
ids = set(vocab.values()) | {a["id"] for a in t["added_tokens"]}
rnd = random.Random(1)
letters = "abcdefghijklmnopqrstuvwxyz"
pieces = ['{"', '":', '",', '"}', '["', '"]', '},', '":"', '","', '0', '1', '2', '5', ',', '.', ':', '(', ')']
nid = 0
while len(ids) < 49152:
    kind = rnd.random()
    if kind < 0.6:
        w = "".join(rnd.choice(letters) for _ in range(rnd.randint(2, 9)))
        tok = ("Ġ" if rnd.random() < 0.5 else "") + (w.capitalize() if rnd.random() < 0.15 else w)
    elif kind < 0.8:
        tok = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 3)))
    else:
        tok = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 3)))
    if tok in used:
        continue
    while nid in ids:
        nid += 1
    vocab[tok] = nid
    ids.add(nid); used.add(tok)
json.dump(t, open(path, "w"))
print(len(vocab), "vocab entries")
