// The person list's rows, kept by hand rather than by React: a keystroke in the search changes
// the items, and the rows near the viewport are patched in the same task, with one layout to
// measure them (decision 015: React's render of the rows was most of a keystroke on a slow phone).
// Only the rows near the viewport are in the DOM, so 5,000 persons cost the same as 30. The page
// itself scrolls (one scroll on a phone, no nested scroll box); rows keep their natural height,
// measured once rendered. Arrow keys, Page Up/Down, Home and End move the focus from row to row,
// bringing rows that are not yet rendered into the DOM first.
import { buildOffsets, isNavigationKey, nextIndex, revealDelta, totalHeight, uniformOffsets, visibleRange, type Range } from './windowing.ts';

/**
 * Rows kept beyond each edge of the viewport, so that Tab finds the next row in the DOM and a
 * scroll shows rows already there (arrow keys render what they need). Two: at 360×740 only three
 * or four rows show below the search box, and with five the rows a keystroke patched more than
 * doubled (seventh session: keystroke p50 34 → 27 ms).
 */
export const OVERSCAN = 2;
/** A list whose range keeps changing as rows are measured settles within a few passes. */
const MAX_PASSES = 4;

/** Fills `row` (an empty <li>, or one that showed another item) with `item`'s content. Its first link or button takes the focus. */
export type RowRenderer<T> = (row: HTMLLIElement, item: T) => void;

export interface WindowedRowsOptions<T> {
  itemKey: (item: T) => string;
  /** Height of a row before it has been measured, in px. */
  estimatedHeight: number;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

export class WindowedRows<T> {
  readonly #list: HTMLUListElement;
  readonly #itemKey: (item: T) => string;
  readonly #estimated: number;
  #items: readonly T[] = [];
  #render: RowRenderer<T> | null = null;
  readonly #heights = new Map<string, number>();
  #offsets: Float64Array = new Float64Array(1);
  #range: Range;
  /** No overscan until the first rows are painted: the list's first appearance is one short task. */
  #overscan = 0;
  /** Whether the overscan has been asked for (once the first rows are shown). */
  #overscanAsked = false;
  /** The rendered rows, in order: #rows[i] shows item #range.start + i. */
  readonly #rows: HTMLLIElement[] = [];
  /** What each rendered row shows, and with which renderer: a row is filled again only when one changed. */
  readonly #shown = new WeakMap<HTMLLIElement, { item: T; render: RowRenderer<T> }>();
  #pendingFocus: number | null = null;
  /** The item whose row holds the focus, to keep it there when rows are patched in place. */
  #focusedKey: string | null = null;
  /** The scroll handler's pending frame. */
  #scrollFrame = 0;
  /** The frame, then the task, after which the overscan is added. */
  #overscanFrame = 0;
  #overscanTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #resize: ResizeObserver | null;
  /** The list's width the rows were measured at; null until the first resize notice (read then, not forced at mount). */
  #width: number | null = null;

  constructor(list: HTMLUListElement, options: WindowedRowsOptions<T>) {
    this.#list = list;
    this.#itemKey = options.itemKey;
    this.#estimated = options.estimatedHeight;
    this.#range = { start: 0, end: Math.ceil(window.innerHeight / options.estimatedHeight) };
    list.addEventListener('keydown', this.#onKeyDown);
    list.addEventListener('focusin', this.#onFocusIn);
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    window.addEventListener('resize', this.#onScroll);
    // Text reflows when the width changes (rotation, zoom): every measurement is stale.
    this.#resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(([entry]) => {
            // The first notice gives the width the rows were (or will be) measured at.
            const width = entry?.contentRect.width ?? list.clientWidth;
            const known = this.#width;
            this.#width = width;
            if (known === null || width === known) return;
            this.#heights.clear();
            this.#offsets = this.#measure();
            this.#update();
          });
    this.#resize?.observe(list);
  }

  /** Shows `items`, rendered by `render`; a new renderer (other team names, say) fills every row again. */
  setItems(items: readonly T[], render: RowRenderer<T>): void {
    if (items === this.#items && render === this.#render) return;
    this.#items = items;
    this.#render = render;
    this.#offsets = this.#measure();
    this.#update();
    if (!this.#overscanAsked && items.length > 0) {
      this.#overscanAsked = true;
      this.#addOverscanAfterPaint();
    }
  }

  destroy(): void {
    // In one DOM operation: at a screen change the list goes right after, with every row in it.
    this.#rows.length = 0;
    this.#list.replaceChildren();
    cancelAnimationFrame(this.#scrollFrame);
    cancelAnimationFrame(this.#overscanFrame);
    clearTimeout(this.#overscanTimer);
    this.#resize?.disconnect();
    this.#list.removeEventListener('keydown', this.#onKeyDown);
    this.#list.removeEventListener('focusin', this.#onFocusIn);
    window.removeEventListener('scroll', this.#onScroll);
    window.removeEventListener('resize', this.#onScroll);
  }

  #measure(): Float64Array {
    const items = this.#items;
    // Nothing measured: no lookup per item (the first appearance of 5,000 persons, on the warm start's path).
    if (this.#heights.size === 0) return uniformOffsets(items.length, this.#estimated);
    return buildOffsets(items.length, (i) => this.#heights.get(this.#itemKey(items[i]!)) ?? this.#estimated);
  }

  #addOverscanAfterPaint(): void {
    this.#overscanFrame = requestAnimationFrame(() => {
      this.#overscanTimer = setTimeout(() => {
        this.#overscan = OVERSCAN;
        this.#update();
      }, 0);
    });
  }

  /** The rows for the viewport, given the list's top relative to the viewport. */
  #rangeAt(listTop: number): Range {
    return visibleRange(this.#offsets, -listTop, -listTop + window.innerHeight, this.#overscan);
  }

  readonly #onScroll = (): void => {
    if (this.#scrollFrame) return;
    this.#scrollFrame = requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      // Most scroll frames keep the same rows: only a layout read, no DOM change.
      if (!sameRange(this.#range, this.#rangeAt(this.#list.getBoundingClientRect().top))) this.#update();
    });
  };

  /**
   * Patches the rows for the current range, then, in one layout, measures them and where the list
   * is, places them (padding) and moves the range if other rows must show; again until it holds.
   */
  #update(): void {
    const list = this.#list;
    const keepFocus = this.#focusedRowKey();
    const focusedBefore = keepFocus === null ? null : document.activeElement;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      this.#patch();
      if (this.#items.length === 0) {
        // Nothing to measure or place (an empty or loading list): no layout forced in this task.
        list.style.paddingTop = '0px';
        list.style.paddingBottom = '0px';
        break;
      }
      const listTop = list.getBoundingClientRect().top;
      let changed = false;
      for (const row of this.#rows) {
        const key = row.dataset.key!;
        const height = row.offsetHeight;
        if (height > 0 && Math.abs((this.#heights.get(key) ?? -1) - height) > 0.5) {
          this.#heights.set(key, height);
          changed = true;
        }
      }
      if (changed) this.#offsets = this.#measure();
      const { start, end } = this.#clamped();
      const offsets = this.#offsets;
      // The list's own padding does not move its top: the position read above stays true.
      list.style.paddingTop = `${offsets[start] ?? 0}px`;
      list.style.paddingBottom = `${Math.max(0, totalHeight(offsets) - (offsets[end] ?? 0))}px`;
      const next = this.#rangeAt(listTop);
      if (sameRange(this.#range, next)) break;
      this.#range = next;
    }
    // Rows are kept by position: an item that moved while its row had the focus (a sync inserted
    // someone above) takes the focus with it to its new row.
    if (keepFocus !== null && focusedBefore instanceof HTMLElement && focusedBefore.closest<HTMLElement>('[data-key]')?.dataset.key !== keepFocus) {
      this.#rows.find((row) => row.dataset.key === keepFocus)?.querySelector<HTMLElement>('a, button')?.focus();
    }
    const target = this.#pendingFocus;
    if (target === null) return;
    const focusable = list.querySelector<HTMLElement>(`[data-index="${target}"] :is(a, button)`);
    if (focusable) {
      this.#pendingFocus = null;
      focusable.focus();
    }
  }

  #clamped(): Range {
    const count = this.#items.length;
    return { start: Math.min(this.#range.start, count), end: Math.min(this.#range.end, count) };
  }

  /** The rendered rows become those of the range: rows are reused by position, filled again only when their item changed. */
  #patch(): void {
    const render = this.#render;
    if (!render) return;
    const { start, end } = this.#clamped();
    const count = end - start;
    while (this.#rows.length > count) this.#rows.pop()!.remove();
    while (this.#rows.length < count) {
      const row = document.createElement('li');
      this.#list.append(row);
      this.#rows.push(row);
    }
    const size = String(this.#items.length);
    for (let i = 0; i < count; i++) {
      const row = this.#rows[i]!;
      const index = start + i;
      const item = this.#items[index]!;
      const shown = this.#shown.get(row);
      if (shown?.item !== item || shown.render !== render) {
        row.dataset.key = this.#itemKey(item);
        render(row, item);
        this.#shown.set(row, { item, render });
      }
      if (row.dataset.index !== String(index)) {
        row.dataset.index = String(index);
        row.setAttribute('aria-posinset', String(index + 1));
      }
      if (row.getAttribute('aria-setsize') !== size) row.setAttribute('aria-setsize', size);
    }
  }

  /** The item whose row holds the focus (as it was when the focus came), or null when the focus is elsewhere. */
  #focusedRowKey(): string | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !this.#list.contains(active)) return null;
    return this.#focusedKey;
  }

  readonly #onFocusIn = (event: FocusEvent): void => {
    this.#focusedKey = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key ?? null;
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (!isNavigationKey(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    event.preventDefault();
    const pageSize = Math.max(1, Math.floor(window.innerHeight / this.#estimated) - 1);
    const target = nextIndex(event.key, Number(row.dataset.index), this.#items.length, pageSize);
    const rendered = this.#list.querySelector<HTMLElement>(`[data-index="${target}"] :is(a, button)`);
    if (rendered) {
      rendered.focus(); // the browser scrolls it into view
      return;
    }
    // Not in the DOM yet: scroll it into the window, render, then focus.
    const top = -this.#list.getBoundingClientRect().top;
    window.scrollBy(0, revealDelta(this.#offsets, target, top, window.innerHeight));
    this.#pendingFocus = target;
    this.#range = this.#rangeAt(this.#list.getBoundingClientRect().top);
    this.#update();
  };
}
