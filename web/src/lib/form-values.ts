import { z } from "zod";
import { parseNumberInput, parseVnDate } from "./format";

/** A dd/mm/yyyy box → ISO for the contract; anything else is passed on for the contract to refuse. */
export function isoFromVn(text: unknown): unknown {
  if (typeof text !== "string") return text;
  if (text.trim() === "") return undefined;
  return parseVnDate(text) ?? text;
}

/** Text boxes → numbers for the contract (empty → undefined, garbage → NaN, refused). */
export function numberFrom(text: unknown): number | undefined {
  return parseNumberInput(text);
}

export function blankToUndefined(v: unknown): unknown {
  return typeof v === "string" && v.trim() === "" ? undefined : v;
}

/**
 * Validates form values (strings as typed) against a shared contract schema after `convert`
 * turns them into the API body; issue paths are the contract's, which are the form's names too.
 */
export function formSchema<TForm, TOut>(convert: (v: TForm) => unknown, contract: z.ZodType<TOut>) {
  return z.preprocess((v) => convert(v as TForm), contract) as unknown as z.ZodType<TOut, TForm>;
}
