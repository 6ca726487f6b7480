// opencc-js ships its dictionaries as modules without types (its `./*` export): each is one
// string of `source replacement` pairs joined by `|`.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
