#!/usr/bin/env python3
"""Freezes paragraphs of this repository's own documentation as benign TOOL-level texts (a retrieved README).

Usage, from the repository root: python3 plugins/guards/data/tools/benign_docs.py > plugins/guards/data/benign-docs.jsonl
Technical documentation is full of imperatives ("run", "put a key in", "ignore the warning") addressed to a reader,
not to an assistant: the kind of tool output a guard must let through. Pages about the guards themselves are left
out (they quote attacks), and so are fenced code blocks. Each heading's section is one group, so a split keeps a
section's paragraphs on one side.
"""
import json
import re
import sys

FILES = ["docs/architecture.md", "docs/benchmarks.md", "docs/configuration.md", "docs/govsim.md",
         "docs/plugin-guide.md", "docs/tools.md", "README.md", "plugins/openai/README.md", "plugins/govsim/README.md"]


def clean(text):
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("`", "").replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def main():
    for name in FILES:
        section, fenced, block = 0, False, []
        rows = []
        with open(name, encoding="utf-8") as f:
            lines = f.read().splitlines() + [""]
        for line in lines:
            if line.startswith("```"):
                fenced = not fenced
                block = []
                continue
            if fenced:
                continue
            if line.startswith("#"):
                section += 1
                block = []
                continue
            if line.strip() == "" or line.startswith("|"):
                text = clean(" ".join(block))
                if 60 <= len(text) <= 900:
                    rows.append((section, text))
                block = []
                continue
            block.append(line)
        base = name.replace("/", "-").removesuffix(".md")
        for section, text in rows:
            print(json.dumps({"suite": "repo-docs", "group": f"{base}#{section}", "text": text,
                              "label": "benign", "level": "TOOL"}, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
