// The part of jsdom the build scripts use. @types/jsdom is not installed; its window is the
// DOM's own Window, which the DOM lib of tsconfig.node.json already describes.
declare module 'jsdom' {
  /** A parsed HTML document with its own window. */
  export class JSDOM {
    constructor(html?: string, options?: { contentType?: string; url?: string });
    readonly window: Window & typeof globalThis;
    /** The document as HTML, doctype included. */
    serialize(): string;
  }
}
