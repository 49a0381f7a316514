// The page's wiring: the question form, the stream of /solve frames into a Run, and the graph, panel and answer
// redrawn from it. The body's data-state says where the run is: idle, running, done, failed or stopped.

import { Popover, renderCited } from './cite.js';
import { showDetails } from './details.js';
import { draw } from './graph.js';
import { Run } from './run.js';
import { solve } from './stream.js';

const $ = (id) => document.getElementById(id);
const popover = new Popover($('popover'));
let run = null;
let selected = null;
let controller = null;

function setState(state, message) {
  document.body.dataset.state = state;
  if (message) {
    $('status').textContent = message;
  }
}

function showError(message, details) {
  const box = $('error');
  box.replaceChildren();
  const strong = document.createElement('strong');
  strong.textContent = message;
  box.append(strong);
  if (details) {
    const p = document.createElement('p');
    p.className = 'details';
    p.textContent = details;
    box.append(p);
  }
  box.hidden = false;
}

function select(name) {
  selected = name;
  redraw();
}

function redraw() {
  const nodes = run.graphNodes();
  draw($('graph'), nodes, run.graphEdges(nodes), selected, select);
  showDetails($('details'), run, selected, popover);
  $('turn-count').textContent = String(run.turns.length);
  const turns = $('turns');
  while (turns.children.length < run.turns.length) {
    const turn = run.turns[turns.children.length];
    const li = document.createElement('li');
    const thought = document.createElement('p');
    thought.textContent = turn.thought;
    const code = document.createElement('pre');
    code.textContent = turn.code;
    li.append(thought, code);
    turns.append(li);
  }
  const answer = run.answerText();
  if (answer !== null) {
    $('answer-pane').hidden = false;
    const sources = run.sources();
    renderCited($('answer'), answer, sources, popover);
    const list = $('sources');
    list.replaceChildren();
    for (const n of Object.keys(sources).sort((a, b) => Number(a) - Number(b))) {
      const li = document.createElement('li');
      li.value = Number(n);
      li.dataset.ref = n;
      li.textContent = `${sources[n].title} - ${sources[n].url}`;
      list.append(li);
    }
  }
}

function onFrame(name, data) {
  const line = run.apply(name, data);
  if (line) {
    $('status').textContent = line;
  }
  if (name === 'error') {
    const e = run.errors[run.errors.length - 1];
    showError(`The run failed: ${e.details || e.msg}`, e.details ? e.msg : '');
  }
  redraw();
}

async function ask(question) {
  run = new Run(question);
  selected = null;
  controller = new AbortController();
  $('error').hidden = true;
  $('answer-pane').hidden = true;
  $('turns').replaceChildren();
  $('ask').disabled = true;
  $('stop').disabled = false;
  setState('running', 'Asking the planner…');
  redraw();
  try {
    await solve(question, onFrame, controller.signal);
    if (!run.finished()) {
      showError('The stream ended before its done event: the server stopped or the connection broke.');
      setState('failed');
    } else if (run.errors.length > 0) {
      setState('failed', `Failed; records in run ${run.done.run}.`);
    } else {
      setState('done', `Done; records in run ${run.done.run}.`);
    }
  } catch (e) {
    if (e.name === 'AbortError') {
      setState('stopped', 'Stopped: the request was cancelled.');
    } else {
      showError(`The request failed: ${e.message}`);
      setState('failed', 'Failed.');
    }
  } finally {
    $('ask').disabled = false;
    $('stop').disabled = true;
    controller = null;
  }
}

$('ask-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const question = $('question').value.trim();
  if (question && !controller) {
    ask(question);
  }
});
$('stop').addEventListener('click', () => controller && controller.abort());
setState('idle');
