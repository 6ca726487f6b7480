/**
 * What a kept screen may hold, checked by the worker before it puts one in the shell
 * (src/sw/snapshot.ts). The page writes `#root`'s `innerHTML` (src/app/snapshot.ts), and Cache
 * Storage is open to any script of the origin: the worker splices only markup that the app
 * could have written, and the one script-free way to act on a page without the app's code is
 * markup itself (`<meta http-equiv=refresh>`, a `<form>`, a `<base>`, a `<style>`, a link to a
 * `javascript:` address, or an unclosed element that swallows the rest of the shell).
 *
 * So the check is of structure, against the form an HTML serializer writes: every `<` in text
 * and attributes escaped, attributes in double quotes, each element closed in order. Elements
 * and attributes are those of the app's screens and of feed HTML as the sanitizer keeps it; a
 * link goes to this site or to http(s), mail, phone, SMS, map or calendar (webcal) addresses;
 * no id or name takes the place of the app's root or globals. Anything else,
 * even harmless, is refused: the screen then starts from the shell, as without a kept one.
 */

/** HTML elements of the app's screens and of sanitized feed HTML. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr address article aside b bdi bdo blockquote br button caption cite code col colgroup data dd ' +
    'del details dfn div dl dt em fieldset figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr i ' +
    'img input ins kbd label legend li main mark menu meter nav ol optgroup option output p picture pre ' +
    'progress q rp rt ruby s samp search section select small source span strong sub summary sup table ' +
    'tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);
/** SVG elements of the app's icons and QR codes (written in their own case by the serializer). */
const SVG_ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
]);
/** Elements with no end tag. */
const VOID = new Set(['br', 'col', 'hr', 'img', 'input', 'source', 'wbr']);
const ATTRIBUTES = new Set(
  (
    'id class role title lang dir hidden inert tabindex translate href hreflang target rel download src ' +
    'srcset sizes alt width height loading decoding fetchpriority referrerpolicy type name value for ' +
    'checked disabled selected multiple readonly required placeholder autocomplete inputmode ' +
    'enterkeyhint min max step low high optimum open datetime start reversed cite colspan rowspan scope ' +
    'headers abbr span ' +
    // Invoker commands: a button that opens its own dialog (Directions, Show to a taxi driver).
    // They reach only elements of the same markup, and no dialog or popover is kept.
    'command commandfor ' +
    // SVG, lower-cased (viewBox).
    'xmlns viewbox preserveaspectratio focusable d fill fill-rule fill-opacity clip-rule stroke ' +
    'stroke-width stroke-linecap stroke-linejoin stroke-opacity stroke-dasharray shape-rendering ' +
    'vector-effect opacity transform cx cy r rx ry x y x1 x2 y1 y2 points'
  ).split(' '),
);
/** Attributes whose value is an address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
/**
 * What an address may start with: a scheme among these, or none (a path on this site). `webcal`
 * is the Events screen's "Subscribe in your calendar": like `tel`, it only hands an address to
 * an app of the device.
 */
const SCHEMES = /^(https?|mailto|tel|sms|geo|webcal):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** The character references a serializer writes (text: amp, lt, gt, nbsp; attributes: also quot). */
const REFERENCE = /&(?!(?:amp|lt|gt|quot|nbsp);)/;

/** A start or end tag as a serializer writes it; `y`: only at the position asked. */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?: [^\s"'>/=]+(?:="[^"<>]*")?)*)>/y;
const ATTRIBUTE = / ([^\s"'>/=]+)(?:="([^"<>]*)")?/g;

/** Whether `html` is markup the app could have written for a kept screen (see above). */
export function isAppMarkup(html: string): boolean {
  const open: string[] = [];
  let at = 0;
  for (;;) {
    const next = html.indexOf('<', at);
    const text = html.slice(at, next < 0 ? undefined : next);
    if (text.includes('>') || REFERENCE.test(text)) return false;
    if (next < 0) break;
    if (html.startsWith('<!--', next)) {
      const end = html.indexOf('-->', next + 4);
      if (end < 0) return false;
      at = end + 3;
      continue;
    }
    TAG.lastIndex = next;
    const tag = TAG.exec(html);
    if (!tag) return false;
    const [whole, closing, name = '', attributes = ''] = tag;
    const lower = name.toLowerCase();
    const svg = open.includes('svg') || lower === 'svg';
    if (!(svg ? SVG_ELEMENTS.has(lower) : HTML_ELEMENTS.has(lower) && name === lower)) return false;
    if (closing) {
      if (attributes !== '' || open.pop() !== lower) return false;
    } else {
      if (!validAttributes(attributes)) return false;
      if (!VOID.has(lower)) open.push(lower);
    }
    at = next + whole.length;
  }
  return open.length === 0;
}

function validAttributes(attributes: string): boolean {
  for (const [, rawName = '', value = ''] of attributes.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    if (!(ATTRIBUTES.has(name) || /^(aria|data)-[a-z0-9-]+$/.test(name))) return false;
    if (REFERENCE.test(value)) return false;
    // A second root, or a name among the app's globals (`window.citylinkInstallPrompt`), would
    // take the place of the app's own before its code runs.
    if ((name === 'id' || name === 'name') && (value === 'root' || /^citylink/i.test(value))) return false;
    if (URL_ATTRIBUTES.has(name) && !safeAddress(value)) return false;
    if (
      name === 'srcset' &&
      !value.split(',').every((part) => safeAddress(part.trim().split(' ')[0] ?? ''))
    ) {
      return false;
    }
  }
  return true;
}

/** An address on this site, or of a scheme the app links to. */
function safeAddress(value: string): boolean {
  // As a browser reads it: references decoded, and tabs, newlines and spaces around it dropped.
  const address = value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    // eslint-disable-next-line no-control-regex -- control characters are what a browser strips.
    .replace(/[\u0000-\u0020]/g, '');
  return !ANY_SCHEME.test(address) || SCHEMES.test(address);
}
