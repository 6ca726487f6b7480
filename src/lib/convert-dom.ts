/**
 * An item body's text converted to Traditional Chinese in place, on the DOM that feed HTML
 * became once sanitized (src/lib/sanitize.ts): only the data of its text nodes changes. A text
 * node's data is never parsed, so nothing converted can become markup, and no element,
 * attribute, link or id is touched.
 */
import { toTraditional } from '../data/traditional';
import type { TraditionalTarget } from '@citylink/core/traditional';

/** Converts the text under `root`; text that changed meanwhile (a new body) is left alone. */
export async function convertTextNodes(root: Node, target: TraditionalTarget): Promise<void> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node as Text).data.trim()) nodes.push(node as Text);
  }
  const before = nodes.map((node) => node.data);
  const after = await toTraditional(before, target);
  nodes.forEach((node, i) => {
    if (node.isConnected === root.isConnected && node.data === before[i]) node.data = after[i]!;
  });
}
