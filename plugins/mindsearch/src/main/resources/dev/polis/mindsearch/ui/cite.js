// Cited text: [[n]] markers become citation links whose popover names the source (title, url, snippet).

const CITATION = /\[\[(\d+)]]/g;

/** Returns whether a URL may be a link target (web addresses only; local:// sources are shown as text). */
export function linkable(url) {
  return /^https?:\/\//i.test(url || '');
}

/**
 * Fills container with text whose [[n]] markers are citation links; sources maps n (a string) to {title, url,
 * snippet}. Blank lines start paragraphs, '#' lines headings. Text is never parsed as HTML.
 */
export function renderCited(container, text, sources, popover) {
  container.replaceChildren();
  for (const block of String(text || '').split(/\n\s*\n/)) {
    // A lone Markdown heading line (the partial answer's sub-questions) becomes a heading; the rest stays text.
    const heading = block.includes('\n') ? null : /^(#{1,6})\s+/.exec(block);
    const p = document.createElement(heading ? 'h4' : 'p');
    const paragraph = heading ? block.slice(heading[0].length) : block;
    let last = 0;
    for (const match of paragraph.matchAll(CITATION)) {
      p.append(paragraph.slice(last, match.index));
      p.append(citation(match[1], sources, popover));
      last = match.index + match[0].length;
    }
    p.append(paragraph.slice(last));
    container.append(p);
  }
}

function citation(n, sources, popover) {
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'cite';
  link.dataset.ref = n;
  link.textContent = n;
  const source = sources[n];
  if (!source) {
    link.classList.add('dangling');
    link.title = `no source numbered ${n}`;
  }
  const sup = document.createElement('sup');
  sup.append(link);
  link.addEventListener('click', (e) => {
    e.preventDefault();
    popover.show(link, n, source);
  });
  link.addEventListener('mouseenter', () => popover.show(link, n, source));
  link.addEventListener('focus', () => popover.show(link, n, source));
  return sup;
}

/** The one popover element of the page, placed under the citation it describes. */
export class Popover {
  constructor(element) {
    this.element = element;
    document.addEventListener('click', (e) => {
      if (!e.target.closest('.cite') && !e.target.closest('#popover')) {
        this.hide();
      }
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.hide();
      }
    });
  }

  show(anchor, n, source) {
    const title = this.element.querySelector('.pop-title');
    const url = this.element.querySelector('.pop-url');
    const snippet = this.element.querySelector('.pop-snippet');
    title.textContent = source ? `[${n}] ${source.title || '(no title)'}` : `[${n}] no such source`;
    url.replaceChildren();
    if (source && linkable(source.url)) {
      const a = document.createElement('a');
      a.href = source.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = source.url;
      url.append(a);
    } else {
      url.textContent = source ? source.url || '' : '';
    }
    snippet.textContent = source ? source.snippet || '' : '';
    this.element.dataset.ref = n;
    this.element.hidden = false;
    const box = anchor.getBoundingClientRect();
    const left = Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - 380);
    this.element.style.left = `${Math.max(8, left)}px`;
    // Under the citation, or above it when there is no room below.
    const below = box.bottom + 6 + this.element.offsetHeight <= window.innerHeight;
    const top = below ? box.bottom + 6 : Math.max(8, box.top - 6 - this.element.offsetHeight);
    this.element.style.top = `${window.scrollY + top}px`;
  }

  hide() {
    this.element.hidden = true;
  }
}
