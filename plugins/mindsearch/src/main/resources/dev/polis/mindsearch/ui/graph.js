// The search graph as an SVG: root, the searcher nodes and the response node in layers (a node's layer is one more
// than its deepest parent's, from the edges of adjacency_list), each node coloured by its state.

const SVG = 'http://www.w3.org/2000/svg';
const BOX_W = 170;
const BOX_H = 48;
const COL_GAP = 60;
const ROW_GAP = 18;
const PAD = 12;

/** Returns the layer of every node: root 0, a node without parents 1, a node one more than its deepest parent. */
export function layers(names, edges) {
  const parents = new Map(names.map((n) => [n, []]));
  for (const { from, to } of edges) {
    if (parents.has(to) && parents.has(from)) {
      parents.get(to).push(from);
    }
  }
  const layer = new Map();
  const visiting = new Set();
  const depth = (name) => {
    if (layer.has(name)) {
      return layer.get(name);
    }
    if (name === 'root') {
      layer.set(name, 0);
      return 0;
    }
    if (visiting.has(name)) {
      return 1; // a cycle the planner drew: cut it here
    }
    visiting.add(name);
    const above = parents.get(name).map(depth);
    visiting.delete(name);
    const d = above.length === 0 ? 1 : 1 + Math.max(...above);
    layer.set(name, d);
    return d;
  };
  names.forEach(depth);
  return layer;
}

function element(name, attributes, parent) {
  const e = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    e.setAttribute(key, String(value));
  }
  if (parent) {
    parent.appendChild(e);
  }
  return e;
}

function shorten(text, length) {
  const t = (text || '').replace(/\s+/g, ' ').trim();
  return t.length > length ? `${t.slice(0, length - 1)}…` : t;
}

/**
 * Draws the graph into svg. nodes: [{name, kind: 'root'|'searcher'|'response', question, status}]; edges:
 * [{from, to, implied}]; selected: the selected node's name; onSelect(name) is called when a node is clicked.
 */
export function draw(svg, nodes, edges, selected, onSelect) {
  while (svg.firstChild) {
    svg.removeChild(svg.firstChild);
  }
  const names = nodes.map((n) => n.name);
  const layer = layers(names, edges);
  const columns = [];
  for (const node of nodes) {
    const l = layer.get(node.name);
    (columns[l] = columns[l] || []).push(node);
  }
  const rows = Math.max(1, ...columns.map((c) => (c ? c.length : 0)));
  const height = PAD * 2 + rows * BOX_H + (rows - 1) * ROW_GAP;
  const place = new Map();
  columns.forEach((column, l) => {
    if (!column) {
      return;
    }
    const top = (height - (column.length * BOX_H + (column.length - 1) * ROW_GAP)) / 2;
    column.forEach((node, i) => place.set(node.name, {
      x: PAD + l * (BOX_W + COL_GAP), y: top + i * (BOX_H + ROW_GAP),
    }));
  });
  const width = PAD * 2 + columns.length * BOX_W + Math.max(0, columns.length - 1) * COL_GAP;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', String(height));
  svg.style.maxWidth = `${width}px`;

  const defs = element('defs', {}, svg);
  const marker = element('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto',
  }, defs);
  element('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow-head' }, marker);

  const edgeLayer = element('g', { class: 'edges' }, svg);
  for (const edge of edges) {
    const a = place.get(edge.from);
    const b = place.get(edge.to);
    if (!a || !b) {
      continue;
    }
    const x1 = a.x + BOX_W;
    const y1 = a.y + BOX_H / 2;
    const x2 = b.x;
    const y2 = b.y + BOX_H / 2;
    const mid = (x1 + x2) / 2;
    element('path', {
      d: `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`,
      class: `edge${edge.implied ? ' implied' : ''}`,
      'data-from': edge.from,
      'data-to': edge.to,
      'marker-end': 'url(#arrow)',
    }, edgeLayer);
  }

  const nodeLayer = element('g', { class: 'nodes' }, svg);
  for (const node of nodes) {
    const p = place.get(node.name);
    const g = element('g', {
      class: `node ${node.kind} ${node.status}${node.name === selected ? ' selected' : ''}`,
      'data-node': node.name,
      'data-status': node.status,
      transform: `translate(${p.x}, ${p.y})`,
      tabindex: 0,
      role: 'button',
    }, nodeLayer);
    element('title', {}, g).textContent = node.question || node.name;
    element('rect', { width: BOX_W, height: BOX_H, rx: 8, ry: 8 }, g);
    const label = element('text', { x: 10, y: 19, class: 'label' }, g);
    label.textContent = shorten(node.name, 22);
    const sub = element('text', { x: 10, y: 37, class: 'sub' }, g);
    sub.textContent = shorten(node.question || node.status, 26);
    g.addEventListener('click', () => onSelect(node.name));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(node.name);
      }
    });
  }
}
