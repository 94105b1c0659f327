import { prng } from "../../kernel/prng";

export { prng };

/**
 * Splits `total` into `parts` integers of at least `min` that add up to exactly `total`
 * (`total` must be at least `min × parts`).
 */
export function distribute(total: number, parts: number, rand: () => number, min = 0): number[] {
  if (parts <= 0) return [];
  if (min > 0) {
    if (total < min * parts) throw new Error(`distribute: ${total} is less than ${min} × ${parts}`);
    return distribute(total - min * parts, parts, rand).map((n) => n + min);
  }
  const weights = Array.from({ length: parts }, () => 0.5 + rand());
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest -= 1) out[i]! += 1;
  return out;
}

/** A date between `from` and `to` (ISO, inclusive). */
export function dateBetween(from: string, to: string, rand: () => number): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rand() * ((b - a) / 86_400_000 + 1)) * 86_400_000)
    .toISOString()
    .slice(0, 10);
}
