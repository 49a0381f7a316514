// Reads a text/event-stream response body: fetch + ReadableStream, parsed as the HTML server-sent events rules say
// (event:/data:/comment lines, one leading space after the colon dropped, data lines joined by newlines, a blank
// line ends a frame). EventSource cannot be used: it only GETs, and /solve is a POST.

/** Splits server-sent event text into frames; keeps the unfinished tail for the next chunk. */
export class FrameParser {
  constructor() {
    this.buffer = '';
    this.name = null;
    this.data = [];
  }

  /** Feeds a decoded chunk; returns the frames it completed as {name, data} (name null for unnamed frames). */
  push(chunk) {
    this.buffer += chunk;
    const frames = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone \r at the end may be the first half of \r\n: wait for more.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) {
        break;
      }
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line, frames);
    }
    return frames;
  }

  /** Ends the stream: a frame not closed by a blank line is dropped, as the standard says. */
  end() {
    this.buffer = '';
    this.name = null;
    this.data = [];
  }

  line(line, frames) {
    if (line === '') {
      if (this.data.length > 0) {
        frames.push({ name: this.name, data: this.data.join('\n') });
      }
      this.name = null;
      this.data = [];
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.name = value;
    } else if (field === 'data') {
      this.data.push(value);
    }
  }
}

/**
 * POSTs a question to /solve and calls onFrame(name, json) for every frame until the stream ends. Rejects with an
 * Error whose message says what went wrong (the server's JSON error message for a 4xx/5xx answer).
 */
export async function solve(question, onFrame, signal) {
  const response = await fetch('solve', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ inputs: question }),
    signal,
  });
  if (!response.ok) {
    let message = `the server answered ${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.error && body.error.msg) {
        message += `: ${body.error.msg}`;
      }
    } catch (ignored) {
      // not JSON: keep the status line
    }
    throw new Error(message);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new FrameParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      parser.end();
      return;
    }
    for (const frame of parser.push(value)) {
      let data;
      try {
        data = JSON.parse(frame.data);
      } catch (e) {
        throw new Error(`a server-sent frame is not JSON: ${frame.data.slice(0, 200)}`);
      }
      onFrame(frame.name, data);
    }
  }
}
