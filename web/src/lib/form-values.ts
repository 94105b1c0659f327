import { z } from "zod";

/**
 * A dd/mm/yyyy box → ISO for the contract (`isoFromVn`) and text boxes → numbers (`numberFrom`:
 * empty → undefined, garbage → NaN, refused): contracts' vn-input.ts, as on the server's capture page.
 */
export { isoFromVn, parseNumberInput as numberFrom } from "@toandan/contracts";

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
