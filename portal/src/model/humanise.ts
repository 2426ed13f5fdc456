/** Turns a workflow code such as `not_found` into words a clerk reads: "Not found". */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
