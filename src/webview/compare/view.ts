// The comparison view's DOM: a toolbar (kinds, sort, Copy as CSV), the matrix as an ARIA grid with
// a roving tabindex, and the passages of the selected cell or entity. State lives in state.ts.

import { maxCount } from '../../core/compare/matrix';
import { append, clear, h } from './dom';
import { cellLabel, columnLabel, entityById, mentionsText, passageSegments, shadeLevel } from './model';
import { KINDS, type Kind, type WebviewToExtension } from './protocol';
import type { Action, ViewState } from './state';

const KIND_LABEL: Record<Kind, string> = { character: 'Characters', person: 'People', theme: 'Themes', film: 'Film' };
const NAV_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export class CompareView {
  private readonly title = h('h1', { id: 'compare-title' }, 'Compare critics');
  private readonly kinds = h('fieldset', { class: 'kinds' }, h('legend', {}, 'Show'));
  private readonly sort = h('select', { id: 'compare-sort' }, h('option', { value: 'count' }, 'Mentions'), h('option', { value: 'name' }, 'Name'));
  private readonly grid = h('table', { role: 'grid', class: 'matrix', 'aria-labelledby': 'compare-title' });
  private readonly passages = h('section', { class: 'passages', 'aria-live': 'polite', 'aria-label': 'Passages' });

  constructor(root: HTMLElement, private readonly dispatch: (a: Action) => void, private readonly post: (m: WebviewToExtension) => void) {
    const boxes = KINDS.map((k) => h('label', {}, h('input', { type: 'checkbox', value: k }), ' ' + KIND_LABEL[k]));
    append(this.kinds, ...boxes);
    this.kinds.addEventListener('change', (e) => {
      const checked = [...this.kinds.querySelectorAll('input')].filter((i) => i.checked).map((i) => i.value as Kind);
      // nothing checked would show nothing: the last kind stays on
      if (checked.length === 0) (e.target as HTMLInputElement).checked = true;
      else this.dispatch({ type: 'setFilter', kinds: checked.length === KINDS.length ? [] : checked });
    });
    this.sort.addEventListener('change', () => this.dispatch({ type: 'setSort', sort: this.sort.value === 'name' ? 'name' : 'count' }));
    const copy = h('button', { type: 'button', class: 'copy' }, 'Copy as CSV');
    copy.addEventListener('click', () => this.post({ type: 'copyCsv' }));
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Matrix options' }, this.kinds, h('label', { class: 'sort' }, 'Sort by ', this.sort), copy);
    this.grid.addEventListener('keydown', (e) => this.onKey(e));
    this.grid.addEventListener('click', (e) => this.onClick(e));
    this.grid.addEventListener('focusin', (e) => {
      const pos = position(e.target);
      if (pos) this.dispatch({ type: 'focus', focus: pos });
    });
    this.passages.addEventListener('click', (e) => this.onOpen(e));
    append(root, h('header', {}, this.title, toolbar), h('div', { class: 'matrix-scroll' }, this.grid), this.passages);
    clear(this.grid);
    append(this.grid, h('caption', {}, 'Reading the corpus…'));
  }

  update(state: ViewState, prev: ViewState | undefined): void {
    if (state.filters !== prev?.filters || state.sort !== prev?.sort) this.renderToolbar(state);
    if (state.matrix !== prev?.matrix) {
      this.title.textContent = state.film ? `Compare critics: ${state.film}` : 'Compare critics';
      this.renderGrid(state);
    }
    this.renderFocus(state, state.focus !== prev?.focus);
    if (state.passages !== prev?.passages || state.selection !== prev?.selection || state.matrix !== prev?.matrix) this.renderPassages(state);
  }

  private renderToolbar(state: ViewState): void {
    for (const input of this.kinds.querySelectorAll('input')) input.checked = state.filters.kinds.length === 0 || state.filters.kinds.includes(input.value);
    this.sort.value = state.sort;
  }

  private renderGrid(state: ViewState): void {
    const m = state.matrix!;
    clear(this.grid);
    this.grid.setAttribute('aria-rowcount', String(m.critics.length + 1));
    this.grid.setAttribute('aria-colcount', String(m.entities.length + 1));
    if (m.entities.length === 0) {
      append(this.grid, h('caption', {}, 'No review mentions anything of these kinds.'));
      return;
    }
    const max = maxCount(m);
    const head = h('tr', {}, h('th', { scope: 'col', class: 'corner', 'data-row': -1, 'data-col': -1, tabindex: -1 }, 'Review'));
    m.entities.forEach((e, c) => append(head, h('th', { scope: 'col', role: 'columnheader', class: `entity kind-${e.kind}`, 'data-row': -1, 'data-col': c, tabindex: -1, 'aria-label': columnLabel(e), title: `${e.name} (${e.kind})` }, h('span', { class: 'entity-name' }, e.name))));
    const body = h('tbody');
    m.critics.forEach((critic, r) => {
      const row = h('tr', {}, h('th', { scope: 'row', role: 'rowheader', 'data-row': r, 'data-col': -1, tabindex: -1, title: critic.label }, critic.label));
      m.entities.forEach((e, c) => {
        const n = m.counts[r][c];
        append(row, h('td', { role: 'gridcell', class: `cell shade-${shadeLevel(n, max)}`, 'data-row': r, 'data-col': c, tabindex: -1, 'aria-label': cellLabel(critic, e, n) }, n ? String(n) : '·'));
      });
      append(body, row);
    });
    append(this.grid, h('thead', {}, head), body);
  }

  private cellAt(row: number, col: number): HTMLElement | null {
    return this.grid.querySelector(`[data-row="${row}"][data-col="${col}"]`);
  }

  private renderFocus(state: ViewState, moveFocus: boolean): void {
    for (const el of this.grid.querySelectorAll('[tabindex="0"]')) el.setAttribute('tabindex', '-1');
    for (const el of this.grid.querySelectorAll('[aria-selected="true"]')) el.setAttribute('aria-selected', 'false');
    const target = this.cellAt(state.focus.row, state.focus.col) ?? this.cellAt(-1, -1);
    target?.setAttribute('tabindex', '0');
    if (moveFocus && target && this.grid.contains(document.activeElement)) target.focus();
    const s = state.selection;
    if (s && state.matrix) {
      const col = state.matrix.entities.findIndex((e) => e.id === s.entityId);
      const row = s.kind === 'cell' ? state.matrix.critics.findIndex((c) => c.uri === s.reviewUri) : -1;
      this.cellAt(row, col)?.setAttribute('aria-selected', 'true');
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (NAV_KEYS.has(e.key)) {
      e.preventDefault();
      this.dispatch({ type: 'key', key: e.key, ctrl: e.ctrlKey || e.metaKey });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.dispatch({ type: 'activate' });
    }
  }

  private onClick(e: MouseEvent): void {
    const pos = position(e.target);
    if (!pos) return;
    this.dispatch({ type: 'focus', focus: pos });
    this.dispatch({ type: 'activate' });
  }

  private onOpen(e: MouseEvent): void {
    const link = (e.target as Element | null)?.closest('a.open');
    if (!(link instanceof HTMLAnchorElement)) return;
    e.preventDefault();
    const { uri, start, end } = link.dataset;
    if (uri && start && end) this.post({ type: 'open', uri, start: Number(start), end: Number(end) });
  }

  private renderPassages(state: ViewState): void {
    clear(this.passages);
    const s = state.selection;
    const entity = s && entityById(state.matrix, s.entityId);
    if (!s || !entity) {
      append(this.passages, h('p', { class: 'hint' }, 'Choose a cell to read what that critic says, or an entity’s heading to read every critic on it side by side.'));
      return;
    }
    const critic = s.kind === 'cell' ? state.matrix!.critics.find((c) => c.uri === s.reviewUri) : undefined;
    append(this.passages, h('h2', {}, s.kind === 'cell' ? `${entity.name} in ${critic?.label ?? ''}` : `${entity.name}: every critic`));
    if (!state.passages) {
      append(this.passages, h('p', { class: 'hint' }, 'Finding the passages…'));
      return;
    }
    const columns = h('div', { class: s.kind === 'entity' ? 'columns' : 'single' });
    for (const col of state.passages.columns) {
      const list = h('ol', { class: 'passage-list' });
      for (const p of col.passages) {
        const text = h('p', { class: 'passage' }, ...passageSegments(p).map((seg) => (seg.mention ? h('mark', { class: 'mention' }, seg.text) : seg.text)));
        const first = p.mentions[0];
        const open = h('a', { href: '#', class: 'open', 'data-uri': col.uri, 'data-start': p.start + first.start, 'data-end': p.start + first.end, 'aria-label': `Open ${col.label} at line ${p.line + 1}` }, `line ${p.line + 1}`);
        append(list, h('li', {}, text, open));
      }
      append(columns, h('section', { class: 'column', 'aria-label': col.label }, h('h3', {}, col.label, h('span', { class: 'count' }, ` · ${mentionsText(col.count)}`)), list));
    }
    if (state.passages.columns.length === 0) append(columns, h('p', { class: 'hint' }, `No review mentions ${entity.name}.`));
    append(this.passages, columns);
  }
}

function position(target: EventTarget | null): { row: number; col: number } | undefined {
  const cell = (target as Element | null)?.closest?.('[data-row][data-col]');
  if (!cell) return undefined;
  return { row: Number(cell.getAttribute('data-row')), col: Number(cell.getAttribute('data-col')) };
}
