// The right-hand panel: what one node of the graph did (queries, results, pages read, answer with citations).

import { linkable, renderCited } from './cite.js';

function add(parent, tag, className, content) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (content !== undefined) {
    e.textContent = content;
  }
  parent.append(e);
  return e;
}

function source(parent, result) {
  if (linkable(result.url)) {
    const a = add(parent, 'a', 'title', result.title || result.url);
    a.href = result.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  } else {
    add(parent, 'span', 'title', result.title || '(no title)');
  }
  add(parent, 'span', 'url', result.url || '');
}

function searcher(panel, node, popover) {
  add(panel, 'p', 'node-question', node.question);
  add(panel, 'p', `node-status ${node.status}`, node.status);
  add(panel, 'h4', null, 'Queries');
  const queries = add(panel, 'ul', 'queries');
  node.queries.forEach((q) => add(queries, 'li', null, q));
  if (node.queries.length === 0) {
    add(queries, 'li', 'none', 'none yet');
  }
  add(panel, 'h4', null, `Results (${node.results.length})`);
  const results = add(panel, 'ol', 'results');
  for (const r of node.results) {
    const li = add(results, 'li', node.selected.includes(Number(r.n)) ? 'selected' : null);
    li.dataset.n = r.n;
    add(li, 'span', 'n', `[${r.n}]`);
    source(li, r);
    if (r.snippet) {
      add(li, 'span', 'snippet', r.snippet);
    }
  }
  add(panel, 'h4', null, 'Pages read');
  const pages = add(panel, 'ul', 'pages');
  for (const id of node.selected) {
    const r = node.results.find((x) => Number(x.n) === id);
    const li = add(pages, 'li');
    li.dataset.n = id;
    if (r) {
      source(li, r);
    } else {
      li.textContent = `result ${id} (not among the results)`;
    }
  }
  if (node.selected.length === 0) {
    add(pages, 'li', 'none', 'none yet');
  }
  add(panel, 'h4', null, 'Answer');
  const answer = add(panel, 'div', 'node-answer');
  if (node.status === 'failed') {
    answer.textContent = 'This node failed: no answer (it failed or ran out of time; the run folder\'s'
      + ' events.jsonl says why).';
  } else if (node.answer === null) {
    answer.textContent = 'Not answered yet.';
  } else {
    const sources = {};
    node.results.forEach((r) => {
      sources[String(r.n)] = { title: r.title, url: r.url, snippet: r.snippet || '' };
    });
    renderCited(answer, node.answer, sources, popover);
  }
}

function root(panel, run) {
  add(panel, 'p', 'node-question', run.question);
  add(panel, 'p', null, `${run.turns.length} planner turn(s), ${run.nodes.size} sub-question(s).`);
  const list = add(panel, 'ul', 'children');
  for (const node of run.nodes.values()) {
    add(list, 'li', null, `${node.name}: ${node.question}`);
  }
}

/** Shows node name of run in panel. */
export function showDetails(panel, run, name, popover) {
  panel.replaceChildren();
  if (!run || !name) {
    add(panel, 'p', 'hint', 'No node selected.');
    return;
  }
  panel.dataset.node = name;
  add(panel, 'h3', 'node-name', name);
  if (name === 'root') {
    root(panel, run);
  } else if (name === 'response') {
    add(panel, 'p', 'node-question', 'The final answer');
    renderCited(add(panel, 'div', 'node-answer'), run.answerText(), run.sources(), popover);
  } else if (run.nodes.has(name)) {
    searcher(panel, run.nodes.get(name), popover);
  }
}
