/**
 * What a calendar or contacts app should read back from a field: line breaks as `\n`, other
 * control characters gone (the writers drop them on purpose).
 */
export function readBack(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}
