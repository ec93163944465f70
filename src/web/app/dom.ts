/**
 * Element building for the console. Data only ever reaches the page as text
 * nodes or attribute values: there is no innerHTML anywhere.
 */
import type { SvgNode } from '../../render/charts.ts';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function replace(parent: Element, ...children: Child[]) {
  parent.replaceChildren();
  append(parent, ...children);
}

let ids = 0;
export const uid = (prefix: string) => `${prefix}-${++ids}`;

/** A labelled control: label, the control, and a slot for its error message. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string) {
  control.id ||= uid('f');
  const error = h('p', { class: 'field-error', id: uid('err'), role: 'alert' });
  const hintEl = hint ? h('p', { class: 'hint', id: uid('hint') }, hint) : null;
  control.setAttribute('aria-describedby', [hintEl?.id, error.id].filter(Boolean).join(' '));
  const wrapper = h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl, error);
  return {
    wrapper,
    control,
    setError(message: string | null) {
      error.textContent = message ?? '';
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

export function select(name: string, options: Array<[value: string, label: string]>, value = '') {
  const el = h('select', { name });
  for (const [v, label] of options) el.append(h('option', { value: v }, label));
  el.value = value;
  return el;
}

export const fmtDate = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');
export const fmtDay = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '—');
export const lower = (value: string | null | undefined) => (value ? value.toLowerCase().replace(/_/g, ' ') : '—');

export function fmtNumber(value: number | null | undefined, unit?: string) {
  if (value === null || value === undefined) return '—';
  const n = Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  if (unit === 'percent') return `${n} %`;
  if (unit === 'seconds') return `${n} s`;
  if (unit === 'usd') return `$${n}`;
  return n;
}

/** Moves focus to a freshly rendered heading, so screen readers announce the new view. */
export function focusHeading(root: Element) {
  const heading = root.querySelector<HTMLElement>('h1, h2');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}

/** A chart from the shared chart module as DOM nodes: text stays text, as everywhere in the console. */
export function svg(node: SvgNode): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', node.tag);
  for (const [name, value] of Object.entries(node.attrs)) if (name !== 'xmlns') el.setAttribute(name, String(value));
  for (const child of node.children) el.append(typeof child === 'string' ? document.createTextNode(child) : svg(child));
  return el;
}
