// Apart from format.ts, which the code before the home is interactive carries: only an
// event's page needs this.

/**
 * A place's name and address on one line (`sep` between them), without saying the place twice:
 * an address that begins with the name's first part ("Zili Village, Kaiping" at "Zili Village,
 * Tangkou Town, …") is given alone.
 */
export function placeLine(name: string | undefined, address: string | undefined, sep: string): string {
  const first = (text: string) =>
    text
      .split(/[,，、]/)[0]!
      .trim()
      .toLowerCase();
  if (name && address && first(address) === first(name)) return address;
  return [name, address].filter(Boolean).join(sep);
}
