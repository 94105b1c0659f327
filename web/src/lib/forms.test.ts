import type { FieldValues, ResolverOptions } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "../api/client";
import { i18n } from "../app/i18n";
import { applyApiIssues, contractResolver, fieldMessage, issueText } from "./forms";

const vi_t = i18n.getFixedT("vi");
const en_t = i18n.getFixedT("en");

/** Issues as the resolver gets them (with their input, which tells "missing" from "wrong"). */
function issuesOf(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) throw new Error("expected a failure");
  return r.error.issues;
}

const options = <T extends FieldValues>(names: string[]): ResolverOptions<T> => ({
  fields: {},
  names: names as never,
  shouldUseNativeValidation: false,
});

describe("issueText", () => {
  it("words issues from their codes in the UI language, never the schema's own message", () => {
    const [required] = issuesOf(z.string().min(1, "Thông điệp của hợp đồng"), "");
    expect(issueText(vi_t, required!)).toBe("Vui lòng nhập thông tin này.");
    expect(issueText(en_t, required!)).toBe("Please fill this in.");
  });

  it("asks for a minimum length above one character", () => {
    const [short] = issuesOf(z.string().min(8), "abc");
    expect(issueText(vi_t, short!)).toBe("Tối thiểu 8 ký tự.");
  });

  it("states the maximum length of a string", () => {
    const [long] = issuesOf(z.string().max(5), "quá dài rồi");
    expect(issueText(vi_t, long!)).toBe("Tối đa 5 ký tự.");
  });

  it("treats a missing value as required and anything else as invalid", () => {
    const [missing] = issuesOf(z.object({ a: z.number() }), {});
    expect(issueText(vi_t, missing!)).toBe("Vui lòng nhập thông tin này.");
    const [wrongType] = issuesOf(z.number(), "abc");
    expect(issueText(vi_t, wrongType!)).toBe("Giá trị không hợp lệ.");
    const [nan] = issuesOf(z.number(), Number.NaN);
    expect(issueText(vi_t, nan!)).toBe("Giá trị không hợp lệ.");
    const [big] = issuesOf(z.number().max(10), 11);
    expect(issueText(vi_t, big!)).toBe("Giá trị không hợp lệ.");
  });

  it("treats an empty list as required", () => {
    const [empty] = issuesOf(z.array(z.string()).min(1), []);
    expect(issueText(vi_t, empty!)).toBe("Vui lòng nhập thông tin này.");
  });
});

describe("contractResolver", () => {
  const schema = z.object({
    name: z.string().trim().min(1),
    year: z.number().int().min(2000),
    tasks: z.array(z.object({ title: z.string().min(3, "ba ký tự") })),
    email: z.email().optional(),
  });
  type In = z.input<typeof schema>;

  it("returns the parsed values when they pass", async () => {
    const resolve = contractResolver(schema, vi_t);
    const r = await resolve({ name: "  Tổ 1 ", year: 2025, tasks: [] }, undefined, options<In>(["name"]));
    expect(r).toEqual({ values: { name: "Tổ 1", year: 2025, tasks: [] }, errors: {} });
  });

  it("puts issues on nested fields, in Vietnamese, the first issue of a path only", async () => {
    const resolve = contractResolver(schema, vi_t);
    const r = await resolve(
      { name: "", year: 1999.5, tasks: [{ title: "ok!" }, { title: "x" }] },
      undefined,
      options<In>(["name", "year", "tasks"]),
    );
    expect(r.values).toEqual({});
    const errors = r.errors as Record<string, unknown> & { tasks: { title: { message: string } }[] };
    expect(errors.name).toMatchObject({ type: "too_small", message: "Vui lòng nhập thông tin này." });
    // 1999.5 breaks both int and min: the first one is shown.
    expect(errors.year).toMatchObject({ type: "invalid_type", message: "Giá trị không hợp lệ." });
    expect(errors.tasks[0]).toBeUndefined();
    expect(errors.tasks[1]!.title).toMatchObject({ message: "Tối thiểu 3 ký tự." });
  });

  it("uses an override for a path and code", async () => {
    const resolve = contractResolver(schema, vi_t, {
      year: { too_small: "Năm phải từ 2000" },
      "tasks.0.title": { too_small: "Tên nhiệm vụ quá ngắn" },
    });
    const r = await resolve(
      { name: "A", year: 1990, tasks: [{ title: "x" }] },
      undefined,
      options<In>(["year", "tasks"]),
    );
    const errors = r.errors as Record<string, { message?: string }> & {
      tasks: { title: { message: string } }[];
    };
    expect(errors.year!.message).toBe("Năm phải từ 2000");
    expect(errors.tasks[0]!.title.message).toBe("Tên nhiệm vụ quá ngắn");
    expect(errors.name).toBeUndefined();
  });

  it("words the issues in English when the UI is in English", async () => {
    const resolve = contractResolver(schema, en_t);
    const r = await resolve({ name: "", year: 2025, tasks: [] }, undefined, options<In>(["name"]));
    expect((r.errors as Record<string, { message?: string }>).name!.message).toBe("Please fill this in.");
  });
});

describe("fieldMessage", () => {
  it("gives the message of a field error or nothing", () => {
    expect(fieldMessage({ type: "server", message: "Sai" })).toBe("Sai");
    expect(fieldMessage(undefined)).toBeUndefined();
  });
});

describe("applyApiIssues", () => {
  type Form = { title: string; date: string; tasks: { title: string }[] };
  const fields = ["title", "date", "tasks"] as const;
  const invalid = (issues: { path: string; message: string }[]) =>
    new ApiError({ status: 400, code: "validation_failed", issues });

  it("places each issue on its field (or the field above a nested path) with the UI text", () => {
    const setError = vi.fn();
    const placed = applyApiIssues<Form>(
      invalid([
        { path: "date", message: "Ngày không được sau hôm nay" },
        { path: "tasks.2.title", message: "Thiếu tên" },
      ]),
      fields,
      setError,
      (f) => `lỗi ở ${f}`,
    );
    expect(placed).toBe(true);
    expect(setError.mock.calls).toEqual([
      ["date", { type: "server", message: "lỗi ở date" }],
      ["tasks", { type: "server", message: "lỗi ở tasks" }],
    ]);
  });

  it("does not confuse a field with another whose name starts the same", () => {
    const setError = vi.fn();
    expect(
      applyApiIssues<Form>(invalid([{ path: "titleExtra", message: "?" }]), fields, setError, String),
    ).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });

  it("leaves other failures alone", () => {
    const setError = vi.fn();
    expect(
      applyApiIssues<Form>(new ApiError({ status: 409, code: "conflict" }), fields, setError, String),
    ).toBe(false);
    expect(applyApiIssues<Form>(new Error("boom"), fields, setError, String)).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
