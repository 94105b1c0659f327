import { toNestErrors } from "@hookform/resolvers";
import type { TFunction } from "i18next";
import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { isApiError } from "../api/client";

type Issue = z.core.$ZodIssue;
/** Per field path, per Zod issue code, the text to show instead of the generic one. */
export type IssueOverrides = Partial<Record<string, Partial<Record<Issue["code"], string>>>>;

/** A Zod issue in the UI language, from its code and bounds (never from the schema's own message). */
export function issueText(t: TFunction, issue: Issue): string {
  if (issue.code === "too_small") {
    return issue.origin === "string" && Number(issue.minimum) > 1
      ? t("validation.tooShort", { min: Number(issue.minimum) })
      : t("validation.required");
  }
  if (issue.code === "too_big" && issue.origin === "string") {
    return t("validation.tooLong", { max: Number(issue.maximum) });
  }
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)) {
    return t("validation.required");
  }
  return t("validation.invalid");
}

/**
 * A react-hook-form resolver that validates with a shared contracts schema and words every issue
 * through i18n. (The contracts carry Vietnamese messages for API clients; `zodResolver` would show
 * those as they are, also in English, so the UI words issues itself from their codes.)
 */
export function contractResolver<TIn extends FieldValues, TOut>(
  schema: z.ZodType<TOut, TIn>,
  t: TFunction,
  overrides: IssueOverrides = {},
): Resolver<TIn, unknown, TOut> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values, { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      if (flat[path]) continue;
      flat[path] = { type: issue.code, message: overrides[path]?.[issue.code] ?? issueText(t, issue) };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}

export function fieldMessage(error: FieldError | undefined): string | undefined {
  return error?.message;
}

/** A path and its message: a server issue (`ApiError.issues`) or a contract issue before sending. */
export type FieldIssue = { path: string; message: string };

/** Form fields by name, or by issue path when a path and its field differ (`ageException` → `decidedOn`). */
export type IssueFields<F extends string> = readonly F[] | Readonly<Record<string, F>>;

function isFieldList<F extends string>(fields: IssueFields<F>): fields is readonly F[] {
  return Array.isArray(fields);
}

/**
 * The one rule that puts issues on form fields: an issue belongs to the field whose name (or
 * mapped path) is its path, or the start of it (`tasks.2.title` → `tasks`; never `titleExtra` →
 * `title`); the longest match wins. Without `fields`, each issue keeps its own path. The first issue
 * of a field wins.
 */
export function issuesByField<F extends string>(
  issues: readonly FieldIssue[],
  fields?: IssueFields<F>,
): Partial<Record<F, string>> {
  const pairs = (list: IssueFields<F>): [string, F][] =>
    isFieldList(list) ? list.map((f) => [f, f]) : Object.entries(list);
  const byPath = fields ? pairs(fields).sort((a, b) => b[0].length - a[0].length) : null;
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = byPath
      ? byPath.find(([p]) => issue.path === p || issue.path.startsWith(`${p}.`))?.[1]
      : (issue.path as F);
    if (field !== undefined && out[field] === undefined) out[field] = issue.message;
  }
  return out;
}

/**
 * Puts a server's `validation_failed` issues on a react-hook-form's fields (see `issuesByField`).
 * The server's message names the rule broken; `translate(field)`, when given, words it instead.
 * Returns true when at least one issue landed on a field.
 */
export function applyApiIssues<T extends FieldValues>(
  error: unknown,
  fields: IssueFields<Path<T>>,
  setError: UseFormSetError<T>,
  translate?: (field: Path<T>) => string,
): boolean {
  if (!isApiError(error) || error.code !== "validation_failed") return false;
  const placed = Object.entries(issuesByField(error.issues, fields)) as [Path<T>, string][];
  for (const [field, message] of placed) {
    setError(field, { type: "server", message: translate?.(field) ?? message });
  }
  return placed.length > 0;
}
