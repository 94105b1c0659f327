import "@testing-library/jest-dom/vitest";
import { setClock } from "@toandan/contracts";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { i18n } from "../app/i18n";
import "../locales/register-console";
import "../locales/register-cases";

// jsdom lacks what Mantine measures with (https://mantine.dev/guides/vitest/).
const getComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => getComputedStyle(element);
window.HTMLElement.prototype.scrollIntoView = () => {};
Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;
// Textarea autosize listens for web fonts loading.
if (!("fonts" in document)) {
  Object.defineProperty(document, "fonts", {
    value: Object.assign(new EventTarget(), { ready: Promise.resolve() }),
  });
}

// findBy…/waitFor give up after 1 s by default; a loaded CI machine can take longer to render a
// form after its data arrives. Passing tests do not wait any longer for it.
configure({ asyncUtilTimeout: 5_000 });

afterEach(async () => {
  cleanup();
  setClock(null);
  localStorage.clear();
  if (i18n.language !== "vi") await i18n.changeLanguage("vi");
});
