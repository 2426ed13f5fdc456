/** Deep equality of plain YAML/JSON data (no Node built-ins: this package also runs in browsers). */
export function sameData(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) {
    return Number.isNaN(left) && Number.isNaN(right);
  }
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  const rightRecord = right as Record<string, unknown>;
  return leftKeys.every(
    (key) =>
      Object.hasOwn(rightRecord, key) && sameData((left as Record<string, unknown>)[key], rightRecord[key]),
  );
}
