/**
 * The public portal's only script (its own Vite entry, no framework): the tip and feedback forms,
 * the province → commune picker and the status look-up. Pages are rendered by the server; this
 * file must stay tiny (budget: ≤ 100 KB compressed JS on public pages; it is a few KB).
 * Codes and secrets travel only in request bodies and are never stored on the device.
 */
type Data = Record<string, unknown> & { lang?: string; sending?: string };
type ApiError = { error?: { message?: string; issues?: { path: string; message: string }[] } };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
const data: Data = JSON.parse($("td-data")?.textContent ?? "{}") as Data;
const api = "/api/v1/public";

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(api + url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit",
    referrerPolicy: "no-referrer",
  });
  const json = (await res.json().catch(() => ({}))) as T & ApiError;
  if (!res.ok) {
    const e = json.error;
    const detail = e?.issues?.map((i) => i.message).join("; ");
    throw new Error([e?.message ?? `HTTP ${res.status}`, detail].filter(Boolean).join(" "));
  }
  return json;
}

function value(form: HTMLFormElement, name: string): string | undefined {
  const el = form.elements.namedItem(name) as HTMLInputElement | null;
  const v = el?.value.trim();
  return v ? v : undefined;
}

function checked(form: HTMLFormElement, name: string): boolean {
  return Boolean((form.elements.namedItem(name) as HTMLInputElement | null)?.checked);
}

/** Check boxes that show a group of optional fields. */
document.querySelectorAll<HTMLInputElement>("input[data-reveal]").forEach((box) => {
  box.addEventListener("change", () => {
    const target = $(box.dataset.reveal!);
    if (target) target.hidden = !box.checked;
  });
});

/** Province → communes, loaded on demand. */
document.querySelectorAll<HTMLSelectElement>("select[data-communes]").forEach((province) => {
  province.addEventListener("change", () => {
    const communes = $<HTMLSelectElement>(province.dataset.communes!);
    if (!communes) return;
    communes.length = 1;
    if (!province.value) return;
    void fetch(`${api}/units?provinceId=${encodeURIComponent(province.value)}`)
      .then((r) => r.json() as Promise<{ items: { id: string; name: string }[] }>)
      .then(({ items }) => {
        for (const u of items) communes.add(new Option(u.name, u.id));
      });
  });
});

function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(new Error(file.name));
    reader.readAsDataURL(file);
  });
}

type Receipt = { code: string; secret: string; routedTo: string; dueOn?: string };

function showReceipt(form: HTMLFormElement, r: Receipt) {
  const box = $("receipt")!;
  $("r-code")!.textContent = r.code;
  $("r-secret")!.textContent = r.secret;
  $("r-routed")!.textContent = r.routedTo;
  const due = $("r-due");
  if (due && r.dueOn) due.textContent = r.dueOn.split("-").reverse().join("/");
  form.hidden = true;
  box.hidden = false;
  box.focus();
  const saved = $<HTMLInputElement>("r-saved")!;
  const done = $<HTMLButtonElement>("r-done")!;
  saved.addEventListener("change", () => (done.disabled = !saved.checked));
  $("r-copy")!.addEventListener("click", () => {
    void navigator.clipboard?.writeText(`${r.code} ${r.secret}`);
  });
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
    button.disabled = true;
    button.textContent = data.sending ?? "…";
    error.textContent = "";
    build(form)
      .then((body) => post<Receipt>(url, body))
      .then((r) => showReceipt(form, r))
      .catch((e: Error) => {
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
    $("result")!.hidden = false;
  };
  lookup.addEventListener("submit", (ev) => {
    ev.preventDefault();
    error.textContent = "";
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
