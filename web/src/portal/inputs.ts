/**
 * The portal forms' inputs that work as the citizen types or chooses: dd/mm/yyyy dates, check boxes
 * that reveal optional fields, and the province → commune picker.
 */
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

export function wireInputs(api: string): void {
  /** dd/mm/yyyy as the citizen types digits (a phone's number pad has no "/"). */
  document.querySelectorAll<HTMLInputElement>("input[data-date]").forEach((el) => {
    el.addEventListener("input", (ev) => {
      if ((ev as InputEvent).inputType?.startsWith("delete")) return;
      let v = el.value.replace(/[^\d/]/g, "").replace(/\/{2,}/g, "/");
      if (/^\d{3,8}$/.test(v)) v = [v.slice(0, 2), v.slice(2, 4), v.slice(4)].filter(Boolean).join("/");
      if (/^\d{2}$/.test(v) || /^\d{1,2}\/\d{2}$/.test(v)) v += "/";
      el.value = v.slice(0, 10);
    });
  });

  /** Check boxes that show a group of optional fields. */
  document.querySelectorAll<HTMLInputElement>("input[data-reveal]").forEach((box) => {
    box.addEventListener("change", () => {
      const target = byId(box.dataset.reveal!);
      if (target) target.hidden = !box.checked;
    });
  });

  /**
   * Province → communes, loaded on demand. A province chosen before this script ran (a slow phone, or
   * the browser restoring the form on "back") is loaded at start; a failed load is tried again.
   */
  const loadCommunes = (province: HTMLSelectElement, attempt = 0): void => {
    const communes = byId<HTMLSelectElement>(province.dataset.communes!);
    if (!communes) return;
    const chosen = communes.value;
    communes.length = 1;
    const provinceId = province.value;
    if (!provinceId) return;
    void fetch(`${api}/units?provinceId=${encodeURIComponent(provinceId)}`)
      .then((r) => {
        if (!r.ok) throw new Error(String(r.status));
        return r.json() as Promise<{ items: { id: string; name: string }[] }>;
      })
      .then(({ items }) => {
        if (province.value !== provinceId) return;
        for (const u of items) communes.add(new Option(u.name, u.id, false, u.id === chosen));
      })
      .catch(() => {
        if (attempt < 3 && province.value === provinceId) {
          setTimeout(() => loadCommunes(province, attempt + 1), 1000 * 2 ** attempt);
        }
      });
  };
  document.querySelectorAll<HTMLSelectElement>("select[data-communes]").forEach((province) => {
    province.addEventListener("change", () => loadCommunes(province));
    if (province.value) loadCommunes(province);
  });
}
