/** Reading built HTML with parse5, the same parser as browsers, rather than with patterns. */
import type { DefaultTreeAdapterTypes } from 'parse5';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

/** Every element of a parsed document, template contents included, in document order. */
export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
  if ('content' in node) yield* elements(node.content);
}

/** An element's attribute, if it has it. */
export const attribute = (element: Element, name: string) =>
  element.attrs.find((attr) => attr.name === name && !attr.namespace)?.value;

/** An element's own text. */
export const text = (element: Element) =>
  element.childNodes
    .map((child) => ('value' in child && child.nodeName === '#text' ? child.value : ''))
    .join('');

/** A change to a document's source: `text` in place of `[start, end)`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** `html` with the splices made (they must not overlap). */
export function applySplices(html: string, splices: readonly Splice[]): string {
  let out = html;
  for (const { start, end, text } of [...splices].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}
