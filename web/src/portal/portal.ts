/**
 * The public portal's only script (its own Vite entry, no framework): the tip and feedback forms,
 * the province → commune picker and the status look-up. Pages are rendered by the server; this
 * file must stay tiny (budget: ≤ 100 KB compressed JS on public pages; it is a few KB).
 * Codes and secrets travel only in request bodies and are never stored on the device.
 */
import { wireInputs } from "./inputs";

type Data = Record<string, unknown> & { lang?: string; sending?: string };
type Issue = { path: string; message: string };
type ApiError = { error?: { message?: string; issues?: Issue[] } };

/** A refused request: the server's own words, and the fields it names (no technical prefix). */
class Refused extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const data: Data = JSON.parse($("td-data")?.textContent ?? "{}") as Data;
const api = "/api/v1/public";
wireInputs(api);

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(api + url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit",
    referrerPolicy: "no-referrer",
  }).catch(() => {
    throw new Refused(String(data.networkError));
  });
  const json = (await res.json().catch(() => ({}))) as T & ApiError;
  if (!res.ok) {
    const e = json.error;
    const issues = e?.issues ?? [];
    // "Dữ liệu không hợp lệ." says nothing a citizen can act on: the issues say what to fix.
    throw new Refused(
      issues.length ? issues.map((i) => i.message).join(". ") : (e?.message ?? String(data.serverError)),
      issues,
    );
  }
  return json;
}

/** The message under a field, created on first use. */
function fieldError(el: HTMLElement): HTMLElement {
  const id = `${el.id}-err`;
  let p = $(id);
  if (!p) {
    p = document.createElement("p");
    p.id = id;
    p.className = "ferr";
    (el.nextElementSibling?.classList.contains("hint") ? el.nextElementSibling : el).after(p);
  }
  return p;
}

function markField(el: HTMLElement, message: string | null) {
  const describedBy = (el.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter((x) => x && x !== `${el.id}-err`);
  if (message) {
    el.setAttribute("aria-invalid", "true");
    fieldError(el).textContent = message;
    describedBy.push(`${el.id}-err`);
  } else {
    el.removeAttribute("aria-invalid");
    $(`${el.id}-err`)?.remove();
  }
  if (describedBy.length) el.setAttribute("aria-describedby", describedBy.join(" "));
  else el.removeAttribute("aria-describedby");
}

function clearMarks(form: HTMLFormElement) {
  form.querySelectorAll<HTMLElement>("[aria-invalid=true]").forEach((el) => markField(el, null));
}

/** The visible fields left empty (or mistyped) in the form, each marked with its message. */
function checkRequired(form: HTMLFormElement): string[] {
  const messages: string[] = [];
  form.querySelectorAll<HTMLInputElement>("[data-msg]").forEach((el) => {
    if (el.closest("[hidden]")) return;
    const v = el.value.trim();
    const bad =
      (el.required && !v) ||
      (el.minLength > 0 && v.length > 0 && v.length < el.minLength) ||
      (el.dataset.date !== undefined && v !== "" && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v));
    if (bad) {
      markField(el, el.dataset.msg!);
      messages.push(el.dataset.msg!);
    }
  });
  return messages;
}

/** The server's issues placed on the fields they name ("contact.email" → the field "contactEmail"). */
function markIssues(form: HTMLFormElement, issues: Issue[]) {
  for (const i of issues) {
    const [head, tail] = i.path.split(".");
    const name = tail ? `${head}${tail.charAt(0).toUpperCase()}${tail.slice(1)}` : head!;
    const el = (form.elements.namedItem(name) ?? form.elements.namedItem(head!)) as HTMLElement | null;
    if (el && "id" in el && el.id) markField(el, i.message);
  }
}

function value(form: HTMLFormElement, name: string): string | undefined {
  const el = form.elements.namedItem(name) as HTMLInputElement | null;
  const v = el?.value.trim();
  return v ? v : undefined;
}

function checked(form: HTMLFormElement, name: string): boolean {
  return Boolean((form.elements.namedItem(name) as HTMLInputElement | null)?.checked);
}

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error(file.name));
    reader.readAsDataURL(file);
  });
}

type Receipt = { code: string; secret: string; receivedOn: string; routedTo: string; dueOn?: string };

/** A code in groups that never break inside ("ABCDE-FGHIJ-…" wraps only between groups). */
function showCode(el: HTMLElement, code: string) {
  el.replaceChildren();
  const groups = code.split("-");
  groups.forEach((g, i) => {
    const span = document.createElement("span");
    span.className = "g";
    span.textContent = i < groups.length - 1 ? `${g}-` : g;
    el.append(span);
  });
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy");
}

const vnDate = (iso: string) => iso.split("-").reverse().join("/");

function showReceipt(form: HTMLFormElement, r: Receipt) {
  const box = $("receipt")!;
  showCode($("r-code")!, r.code);
  showCode($("r-secret")!, r.secret);
  $("r-received")!.textContent = vnDate(r.receivedOn);
  $("r-routed")!.textContent = r.routedTo;
  const due = $("r-due");
  if (due && r.dueOn) due.textContent = vnDate(r.dueOn);
  form.hidden = true;
  box.hidden = false;
  box.focus();
  const saved = $<HTMLInputElement>("r-saved")!;
  const done = $<HTMLButtonElement>("r-done")!;
  const said = $("r-copied")!;
  saved.addEventListener("change", () => (done.disabled = !saved.checked));
  $("r-copy")!.addEventListener("click", () => {
    const text = `${String(data.codeLabel)}: ${r.code}\n${String(data.secretLabel)}: ${r.secret}`;
    copyText(text).then(
      () => (said.textContent = String(data.copied)),
      () => (said.textContent = String(data.copyFailed)),
    );
  });
  $("r-print")!.addEventListener("click", () => window.print());
  done.addEventListener("click", () => {
    // The secret leaves the page: it was shown once.
    $("r-secret")!.textContent = "••••";
    location.assign(data.lang === "en" ? "/tra-cuu?lang=en" : "/tra-cuu");
  });
}

function wireForm(id: string, build: (form: HTMLFormElement) => Promise<unknown>, url: string) {
  const form = $<HTMLFormElement>(id);
  if (!form) return;
  const error = form.querySelector<HTMLElement>("#form-error")!;
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    const label = button.textContent;
    error.textContent = "";
    clearMarks(form);
    const missing = checkRequired(form);
    if (missing.length) {
      error.textContent = missing.join(". ");
      form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      return;
    }
    button.disabled = true;
    button.textContent = data.sending ?? "…";
    build(form)
      .then((body) => post<Receipt>(url, body))
      .then((r) => showReceipt(form, r))
      .catch((e: Error) => {
        if (e instanceof Refused) markIssues(form, e.issues);
        error.textContent = e.message;
      })
      .finally(() => {
        button.disabled = false;
        button.textContent = label;
      });
  });
}

wireForm(
  "tip-form",
  async (f) => {
    const files = Array.from(($<HTMLInputElement>("files")?.files ?? []) as ArrayLike<File>).slice(0, 3);
    const attachments = await Promise.all(
      files.map(async (file) => ({ filename: file.name, contentBase64: await fileToBase64(file) })),
    );
    return {
      category: value(f, "category"),
      description: value(f, "description") ?? "",
      provinceId: value(f, "provinceId"),
      communeId: value(f, "communeId"),
      place: value(f, "place"),
      occurredOn: value(f, "occurredOn"),
      occurredTime: value(f, "occurredTime"),
      contact: checked(f, "contactOptIn")
        ? {
            consent: true,
            consentTextId: value(f, "contactOptInVersion"),
            name: value(f, "contactName"),
            phone: value(f, "contactPhone"),
            email: value(f, "contactEmail"),
          }
        : undefined,
      attachments: attachments.length ? attachments : undefined,
    };
  },
  "/tips",
);

wireForm(
  "feedback-form",
  async (f) => ({
    kind: value(f, "kind"),
    topic: value(f, "topic"),
    title: value(f, "title") ?? "",
    content: value(f, "content") ?? "",
    provinceId: value(f, "provinceId"),
    communeId: value(f, "communeId"),
    identity: checked(f, "identityOptIn")
      ? {
          consent: true,
          consentTextId: value(f, "identityOptInVersion"),
          name: value(f, "identityName") ?? "",
          phone: value(f, "identityPhone"),
          address: value(f, "identityAddress"),
        }
      : undefined,
  }),
  "/feedback",
);

type TipStatus = {
  code: string;
  status: string;
  receivedOn: string;
  messages?: { from: string; body: string; sentHour: string }[];
  answer?: string | null;
  /** Feedback: the acceptance notice and both due dates (Law on Citizen Reception Art. 28). */
  acceptanceLabel?: string;
  acceptanceDueOn?: string;
  dueOn?: string;
  /** The consent under which contact details are kept (null: none were left). */
  contactConsent?: {
    state: "given" | "withdrawn";
    version: number | null;
    withdrawnOn: string | null;
    withdrawalConsequence: string | null;
  } | null;
};

const lookup = $<HTMLFormElement>("lookup-form");
if (lookup) {
  const labels = (data.statusLabels ?? {}) as Record<string, string>;
  let creds: { code: string; secret: string } | null = null;
  const error = $("form-error")!;
  const render = (r: TipStatus, kind: "T" | "P") => {
    $("res-title")!.textContent = `${String(data.code)} ${r.code}`;
    $("res-status")!.textContent = labels[`${kind}:${r.status}`] ?? r.status;
    $("res-received")!.textContent = r.receivedOn.split("-").reverse().join("/");
    $("res-messages")!.hidden = kind !== "T";
    $("res-answer")!.hidden = kind !== "P";
    const clocks = $("res-clocks");
    if (clocks) {
      clocks.hidden = kind !== "P" || !r.acceptanceDueOn;
      $("res-acceptance")!.textContent = r.acceptanceLabel ?? "";
      $("res-acc-due")!.textContent = r.acceptanceDueOn ? vnDate(r.acceptanceDueOn) : "";
      $("res-due")!.textContent = r.dueOn ? vnDate(r.dueOn) : "";
    }
    if (kind === "P") $("res-answer-text")!.textContent = r.answer ?? String(data.notAnswered);
    const list = $("res-list")!;
    list.replaceChildren();
    for (const m of r.messages ?? []) {
      const div = document.createElement("div");
      div.className = `msg ${m.from}`;
      const who = document.createElement("strong");
      const [d, h] = m.sentHour.split("T");
      who.textContent = `${m.from === "police" ? String(data.fromPolice) : String(data.fromYou)} · ${d!.split("-").reverse().join("/")} ${h}h`;
      const p = document.createElement("p");
      p.textContent = m.body;
      div.append(who, p);
      list.append(div);
    }
    if (kind === "T" && !(r.messages ?? []).length) list.textContent = String(data.noMessages);
    renderConsent(r, kind);
    $("result")!.hidden = false;
  };
  let consentKind: "T" | "P" = "T";
  const renderConsent = (r: TipStatus, kind: "T" | "P") => {
    consentKind = kind;
    const box = $("res-consent");
    const c = r.contactConsent;
    if (!box) return;
    box.hidden = !c;
    if (!c) return;
    const given = c.state === "given";
    $("res-consent-state")!.textContent = given
      ? String(data.consentGiven).replace("{v}", String(c.version ?? ""))
      : String(data.consentWithdrawn).replace("{d}", c.withdrawnOn ? vnDate(c.withdrawnOn) : "");
    $("res-consent-text")!.textContent = c.withdrawalConsequence ?? "";
    $("res-consent-consequence")!.hidden = !given || !c.withdrawalConsequence;
    $("consent-withdraw")!.hidden = !given;
    $("consent-error")!.textContent = "";
  };
  $("consent-withdraw")?.addEventListener("click", () => {
    if (!creds || !window.confirm(String(data.consentConfirm))) return;
    const kind = consentKind;
    post<TipStatus>(kind === "P" ? "/feedback/consent-withdrawal" : "/tips/consent-withdrawal", creds)
      .then((r) => {
        render(r, kind);
        $("res-consent")!.focus();
      })
      .catch((e: Error) => {
        $("consent-error")!.textContent = e.message;
      });
  });
  lookup.addEventListener("submit", (ev) => {
    ev.preventDefault();
    error.textContent = "";
    clearMarks(lookup);
    const missing = checkRequired(lookup);
    if (missing.length) {
      error.textContent = missing.join(". ");
      return;
    }
    const code = (value(lookup, "code") ?? "").toUpperCase();
    const secret = value(lookup, "secret") ?? "";
    const kind = code.startsWith("P") ? "P" : "T";
    post<TipStatus>(kind === "P" ? "/feedback/status" : "/tips/status", { code, secret })
      .then((r) => {
        creds = { code, secret };
        (lookup.elements.namedItem("secret") as HTMLInputElement).value = "";
        render(r, kind);
        $("result")!.focus();
      })
      .catch((e: Error) => {
        $("result")!.hidden = true;
        if (e instanceof Refused) markIssues(lookup, e.issues);
        error.textContent = e.message;
      });
  });
  const reply = $<HTMLFormElement>("reply-form");
  reply?.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = value(reply, "reply");
    if (!creds || !text) return;
    post<TipStatus>("/tips/reply", { ...creds, body: text })
      .then((r) => {
        (reply.elements.namedItem("reply") as HTMLTextAreaElement).value = "";
        render(r, "T");
      })
      .catch((e: Error) => {
        $("reply-error")!.textContent = e.message;
      });
  });
}
