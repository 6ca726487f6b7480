// markdown-it-cjk-breaks ships no types: it is a markdown-it plugin like any other.
declare module 'markdown-it-cjk-breaks' {
  import type { PluginSimple } from 'markdown-it';

  const plugin: PluginSimple;
  export default plugin;
}
