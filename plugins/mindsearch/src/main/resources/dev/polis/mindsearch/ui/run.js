// One question's run as the page knows it, built from /solve's frames: the original's envelope (planner frames with
// current_node null, node frames named by current_node) and the named final, error and done events.

/** Returns the text of a value that may be null or not a string. */
function text(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class Run {
  constructor(question) {
    this.question = question;
    this.nodes = new Map();
    this.adjacency = {};
    this.turns = [];
    this.ref2url = {};
    this.answer = null;
    this.final = null;
    this.errors = [];
    this.done = null;
  }

  node(name) {
    if (!this.nodes.has(name)) {
      this.nodes.set(name, {
        name, question: '', status: 'waiting', queries: [], results: [], selected: [], answer: null,
      });
    }
    return this.nodes.get(name);
  }

  /** Applies one frame; returns a line for the status bar, or null. */
  apply(name, data) {
    if (name === 'final') {
      this.final = data;
      return data.complete ? 'Answered.' : 'Stopped early: a partial answer from the sub-questions answered.';
    }
    if (name === 'error') {
      const error = data.error || {};
      this.errors.push({ msg: text(error.msg), details: text(error.details) });
      return null;
    }
    if (name === 'done') {
      this.done = data;
      return null;
    }
    if (name !== null && name !== 'message') {
      return null; // a kind of frame this page does not know: ignored, as EventSource would
    }
    const response = data.response || {};
    const formatted = response.formatted || {};
    if (formatted.adjacency_list) {
      this.adjacency = formatted.adjacency_list;
    }
    if (data.current_node) {
      return this.nodeFrame(data.current_node, formatted);
    }
    if (formatted.ref2url) {
      this.ref2url = formatted.ref2url;
    }
    if (response.stream_state === 7) {
      this.turns.push({ thought: text(formatted.thought), code: text(formatted.action) });
      return `Planner turn ${this.turns.length}: building the graph.`;
    }
    if (response.stream_state === 8) {
      return `Planner turn ${this.turns.length}: read the answers.`;
    }
    if (response.stream_state === 0) {
      this.answer = text(response.content);
      return 'Writing the answer.';
    }
    return null;
  }

  nodeFrame(name, formatted) {
    const view = (formatted.node || {})[name] || {};
    const node = this.node(name);
    node.question = text(view.content) || node.question;
    const message = view.response || {};
    const action = (message.formatted || {}).action || {};
    switch (message.stream_state) {
      case 2:
        node.status = 'waiting';
        return `Added ${name}: ${node.question}`;
      case 3:
        if (action.name === 'WebBrowser.search') {
          node.status = 'searching';
          node.queries.push(...((action.parameters || {}).query || []).map(text));
          return `${name}: searching.`;
        }
        if (action.name === 'WebBrowser.select') {
          node.status = 'reading';
          node.selected = ((action.parameters || {}).select_ids || []).map(Number);
          return `${name}: reading ${node.selected.length} page(s).`;
        }
        return null;
      case 5:
        node.results = Array.isArray(message.content) ? message.content : node.results;
        return `${name}: ${node.results.length} result(s).`;
      case 0:
        // The envelope gives a failed or timed-out node an empty (or null) answer: shown as failed.
        node.answer = message.content === null || message.content === undefined ? null : text(message.content);
        node.status = node.answer === null || node.answer.trim() === '' ? 'failed' : 'answered';
        return `${name}: ${node.status}.`;
      default:
        return null;
    }
  }

  /** Returns whether the run has ended (done came, or the final answer did). */
  finished() {
    return this.done !== null;
  }

  /** The sources of the final answer: n -> {title, url, snippet}, from final's references or else ref2url. */
  sources() {
    const out = {};
    for (const [n, r] of Object.entries(this.ref2url || {})) {
      out[n] = { title: text(r.title), url: text(r.url), snippet: text(r.summ) };
    }
    for (const r of (this.final && this.final.references) || []) {
      out[String(r.n)] = { title: text(r.title), url: text(r.url), snippet: text(r.snippet), node: text(r.node) };
    }
    return out;
  }

  /** The answer to show: final's, else the last planner answer frame's. */
  answerText() {
    return this.final ? text(this.final.answer) : this.answer;
  }

  /** The graph's nodes, root first and response last. */
  graphNodes() {
    const answered = this.answerText() !== null;
    const nodes = [{
      name: 'root', kind: 'root', question: this.question,
      status: answered ? 'answered' : (this.errors.length ? 'failed' : 'searching'),
    }];
    for (const node of this.nodes.values()) {
      if (node.name !== 'root' && node.name !== 'response') {
        nodes.push({ name: node.name, kind: 'searcher', question: node.question, status: node.status });
      }
    }
    if (answered) {
      const complete = !this.final || this.final.complete;
      nodes.push({ name: 'response', kind: 'response', question: 'the final answer', status: complete ? 'answered' : 'failed' });
    }
    return nodes;
  }

  /** The graph's edges: adjacency_list's, plus dashed ones from root to orphans and from the last nodes to response. */
  graphEdges(nodes) {
    const names = new Set(nodes.map((n) => n.name));
    const edges = [];
    for (const [from, ends] of Object.entries(this.adjacency || {})) {
      for (const end of ends || []) {
        if (names.has(from) && names.has(end.name)) {
          edges.push({ from, to: end.name, implied: false });
        }
      }
    }
    const hasParent = new Set(edges.map((e) => e.to));
    const hasChild = new Set(edges.map((e) => e.from));
    for (const n of nodes) {
      if (n.kind === 'searcher' && !hasParent.has(n.name)) {
        edges.push({ from: 'root', to: n.name, implied: true });
      }
    }
    if (names.has('response') && !hasParent.has('response')) {
      const last = nodes.filter((n) => n.kind === 'searcher' && !hasChild.has(n.name));
      for (const n of last.length ? last : [{ name: 'root' }]) {
        edges.push({ from: n.name, to: 'response', implied: true });
      }
    }
    return edges;
  }
}
